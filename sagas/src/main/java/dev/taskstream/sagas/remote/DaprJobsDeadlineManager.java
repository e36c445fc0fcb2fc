package dev.taskstream.sagas.remote;

import io.dapr.client.DaprClient;
import io.dapr.client.domain.ConstantFailurePolicy;
import io.dapr.client.domain.DeleteJobRequest;
import io.dapr.client.domain.FailurePolicy;
import io.dapr.client.domain.ScheduleJobRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.deadline.AbstractDeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.ScopeAware;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Axon's {@code DeadlineManager} on the Dapr Jobs API, for split mode: scheduling a deadline stores it in
 * {@code dapr_deadline} and asks the sidecar for a one-shot job named after the deadline and its scope; when the
 * job is due the sidecar calls {@code POST /job/{name}} and {@link #fire} hands the deadline to its saga or
 * aggregate, as any Axon deadline manager does. Sagas and aggregates do not know which manager they have.
 *
 * <p>Dapr delivers a job at least once; the user sees its effect exactly once. The row is the truth: firing
 * deletes it in the same transaction in which the deadline is handled (the saga's state is saved there too),
 * so a second delivery finds nothing, and a failed one rolls back and leaves the row for Dapr's next try. The job
 * is asked for before the row commits: a job whose row never committed, or was cancelled, fires into nothing,
 * whereas the other order could lose a deadline between the commit and the sidecar call. A job due at once can
 * be called back before its row commits, so scheduling holds a lock on the job's name until its transaction
 * ends, and firing takes that lock before it looks for the row.
 */
public final class DaprJobsDeadlineManager extends AbstractDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(DaprJobsDeadlineManager.class);
    private static final Duration SIDECAR_TIMEOUT = Duration.ofSeconds(10);
    /**
     * A job whose firing fails is tried again until it is delivered: without a policy, Dapr tries three more times
     * a second apart and then drops the job, and its deadline would never fire. The interval stays under a second
     * because the SDK (1.17.1, still in 1.18.1) passes on only the sub-second part of it: five seconds would reach
     * Dapr as zero, a retry at once.
     */
    private static final FailurePolicy RETRY_UNTIL_DELIVERED = new ConstantFailurePolicy(Duration.ofMillis(900));
    /** The first key of the jobs' advisory locks ("tsdj"); the second is the job name's hash. */
    private static final int LOCK_CLASS = 0x7473646a;

    private final DaprClient dapr;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Serializer serializer;
    private final ScopeAwareProvider scopes;

    public DaprJobsDeadlineManager(DaprClient dapr, JdbcClient jdbc, TransactionTemplate transactions,
                                   Serializer serializer, ScopeAwareProvider scopes) {
        this.dapr = dapr;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.serializer = serializer;
        this.scopes = scopes;
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        DeadlineMessage<?> message = processDispatchInterceptors(
                GenericDeadlineMessage.asDeadlineMessage(deadlineName, messageOrPayload, triggerDateTime));
        SerializedObject<String> scope = serializer.serialize(deadlineScope, String.class);
        String job = jobName(deadlineName, scope.getData(), message.getIdentifier());
        Optional<SerializedObject<String>> payload = Optional.ofNullable(message.getPayload())
                .map(value -> serializer.serialize(value, String.class));
        lockUntilTransactionEnds(job);
        jdbc.sql("""
                INSERT INTO dapr_deadline (job_name, deadline_name, scope_type, scope, message_id,
                                           payload_type, payload_revision, payload, meta_data, due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(job, deadlineName, scope.getType().getName(), scope.getData(), message.getIdentifier(),
                        payload.map(p -> p.getType().getName()).orElse(null),
                        payload.map(p -> p.getType().getRevision()).orElse(null),
                        payload.map(SerializedObject::getData).orElse(null),
                        serializer.serialize(message.getMetaData(), String.class).getData(),
                        Timestamp.from(triggerDateTime))
                .update();
        dapr.scheduleJob(new ScheduleJobRequest(job, triggerDateTime)
                        .setData(job.getBytes(StandardCharsets.UTF_8))
                        .setFailurePolicy(RETRY_UNTIL_DELIVERED))
                .block(SIDECAR_TIMEOUT);
        return message.getIdentifier();
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        forget(jdbc.sql("DELETE FROM dapr_deadline WHERE deadline_name = ? AND message_id = ? RETURNING job_name")
                .params(deadlineName, scheduleId).query(String.class).list());
    }

    @Override
    public void cancelAll(String deadlineName) {
        forget(jdbc.sql("DELETE FROM dapr_deadline WHERE deadline_name = ? RETURNING job_name")
                .param(deadlineName).query(String.class).list());
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        SerializedObject<String> serialized = serializer.serialize(scope, String.class);
        forget(jdbc.sql("""
                DELETE FROM dapr_deadline WHERE deadline_name = ? AND scope_type = ? AND scope = ?
                RETURNING job_name""")
                .params(deadlineName, serialized.getType().getName(), serialized.getData())
                .query(String.class).list());
    }

    /**
     * The sidecar's callback: hands the deadline over unless it already was, or was cancelled.
     *
     * @return whether this call delivered it
     * @throws RuntimeException when the saga or aggregate failed on it; the row stays, for Dapr to try again
     */
    public boolean fire(String jobName) {
        Boolean delivered = transactions.execute(status -> {
            lockUntilTransactionEnds(jobName);
            return jdbc.sql("""
                            DELETE FROM dapr_deadline WHERE job_name = ?
                            RETURNING deadline_name, scope_type, scope, message_id, payload_type, payload_revision,
                                      payload, meta_data, due_at""")
                    .param(jobName)
                    .query((row, n) -> {
                        deliver(row.getString("deadline_name"),
                                new SimpleSerializedObject<>(row.getString("scope"), String.class,
                                        row.getString("scope_type"), null),
                                row.getString("message_id"),
                                row.getString("payload_type") == null ? null : new SimpleSerializedObject<>(
                                        row.getString("payload"), String.class, row.getString("payload_type"),
                                        row.getString("payload_revision")),
                                row.getString("meta_data"), row.getTimestamp("due_at").toInstant());
                        return true;
                    })
                    .optional()
                    .isPresent();
        });
        return Boolean.TRUE.equals(delivered);
    }

    /**
     * Waits while another transaction holds the job's lock, the one that scheduled it and has not ended yet; once
     * it has, its row is there to see (committed) or never will be (rolled back).
     */
    private void lockUntilTransactionEnds(String jobName) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(LOCK_CLASS, jobName.hashCode())
                .query((row, n) -> true).single();
    }

    private void deliver(String deadlineName, SerializedObject<String> serializedScope, String messageId,
                         SerializedObject<String> payload, String metaData, Instant dueAt) {
        ScopeDescriptor scope = serializer.deserialize(serializedScope);
        MetaData meta = serializer.deserialize(
                new SimpleSerializedObject<>(metaData, String.class, MetaData.class.getName(), null));
        Object value = payload == null ? null : serializer.deserialize(payload);
        DeadlineMessage<?> message = new GenericDeadlineMessage<>(deadlineName,
                new GenericMessage<>(messageId, value, meta), () -> dueAt);
        DefaultUnitOfWork<DeadlineMessage<?>> unitOfWork = new DefaultUnitOfWork<>(message);
        DefaultInterceptorChain<DeadlineMessage<?>> chain = new DefaultInterceptorChain<>(unitOfWork,
                handlerInterceptors(), handled -> {
                    scopes.provideScopeAwareStream(scope)
                            .filter(component -> component.canResolve(scope))
                            .forEach(component -> sendTo(component, handled, scope));
                    return null;
                });
        ResultMessage<?> result = unitOfWork.executeWithResult(chain::proceed);
        if (result.isExceptional()) {
            throw new IllegalStateException("Deadline " + deadlineName + " failed in " + scope.scopeDescription(),
                    result.exceptionResult());
        }
    }

    private static void sendTo(ScopeAware component, DeadlineMessage<?> message,
                               ScopeDescriptor scope) {
        try {
            component.send(message, scope);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jobs go once the cancellation commits; a job left behind by a failed delete fires into nothing. */
    private void forget(List<String> jobs) {
        Runnable deleteJobs = () -> jobs.forEach(job -> {
            try {
                dapr.deleteJob(new DeleteJobRequest(job)).block(SIDECAR_TIMEOUT);
            } catch (RuntimeException e) {
                log.warn("Dapr job {} could not be deleted; its deadline is cancelled all the same", job, e);
            }
        });
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> deleteJobs.run());
        } else {
            deleteJobs.run();
        }
    }

    /** Readable in Dapr's job list: the deadline, a digest of its scope, and the deadline's own id. */
    static String jobName(String deadlineName, String scope, String messageId) {
        String name = deadlineName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return name + "-" + HexFormat.of().formatHex(sha256(scope), 0, 4) + "-" + messageId;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
