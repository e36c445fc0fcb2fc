package dev.taskstream.sagas.recurrence;

import static org.axonframework.modelling.saga.SagaLifecycle.associateWith;
import static org.axonframework.modelling.saga.SagaLifecycle.removeAssociationWith;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.Refusal;
import dev.taskstream.api.SeriesId;
import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.series.AdvanceSeries;
import dev.taskstream.api.series.OccurrenceScheduled;
import dev.taskstream.api.series.OccurrenceSkipped;
import dev.taskstream.api.series.SeriesCreated;
import dev.taskstream.api.series.SeriesFinished;
import dev.taskstream.api.series.SeriesStopped;
import dev.taskstream.api.series.SeriesTemplate;
import dev.taskstream.api.series.SeriesTemplateChanged;
import dev.taskstream.api.series.StopSeries;
import dev.taskstream.api.tasks.CreateTask;
import dev.taskstream.api.tasks.DeleteTask;
import dev.taskstream.api.tasks.TaskCompleted;
import dev.taskstream.api.tasks.TaskDeleted;
import dev.taskstream.api.tasks.UpdateTask;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Keeps one recurring series going. The TaskSeries aggregate decides every occurrence and records it as
 * OccurrenceScheduled; this saga creates that task (aggregates cannot send commands), follows it, and when it is
 * completed or deleted sends AdvanceSeries, to which the series answers with the next OccurrenceScheduled or
 * SeriesFinished. Deleting an occurrence advances the series like completing it: only stopping ends a series.
 *
 * <p>Nothing here can double an occurrence. The series advances only past its latest occurrence, and an
 * occurrence's CreateTask is a no-op once the task exists (its id is fixed by the series), so a redelivered or
 * replayed event, or a REST call and this saga both creating the first occurrence, create one task.
 *
 * <p>Public only because Axon instantiates sagas reflectively without making them accessible.
 */
@Saga
@ProcessingGroup(RecurrenceSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class RecurrenceSaga {

    static final String PROCESSING_GROUP = "recurrence";
    static final String SERIES = "seriesId";
    static final String TASK = "taskId";

    private SeriesId seriesId;
    private UserId owner;
    private SeriesTemplate template;
    private int latestIndex;
    /** The latest occurrence's task while it is open; null once it is done. */
    private TaskId latestTask;

    @StartSaga
    @SagaEventHandler(associationProperty = SERIES)
    void on(SeriesCreated event) {
        seriesId = event.seriesId();
        owner = event.ownerId();
        template = event.template();
    }

    /** An occurrence whose id another task has taken cannot be created, and the series cannot go on without it. */
    @SagaEventHandler(associationProperty = SERIES)
    void on(OccurrenceScheduled event, CommandGateway commands) {
        try {
            commands.sendAndWait(CreateTask.occurrence(event));
        } catch (CommandExecutionException refused) {
            if (!isRefusal(refused, ErrorCode.CONFLICT)) {
                throw refused;
            }
            commands.sendAndWait(new StopSeries(seriesId, owner));
            return;
        }
        latestIndex = event.index();
        latestTask = event.taskId();
        associateWith(TASK, latestTask.toString());
    }

    @SagaEventHandler(associationProperty = TASK)
    void on(TaskCompleted event, @Timestamp Instant doneAt, CommandGateway commands) {
        advance(doneAt, commands);
    }

    @SagaEventHandler(associationProperty = TASK)
    void on(TaskDeleted event, @Timestamp Instant doneAt, CommandGateway commands) {
        advance(doneAt, commands);
    }

    /** A skipped occurrence goes, unless it was done before the saga learnt of the skip: then it stays done. */
    @SagaEventHandler(associationProperty = SERIES)
    void on(OccurrenceSkipped event, CommandGateway commands) {
        if (event.taskId().equals(latestTask)) {
            forgetLatest();
            unlessDeleted(() -> commands.sendAndWait(new DeleteTask(event.taskId(), owner)));
        }
    }

    /** The open occurrence follows the template: only the fields that changed, so its own edits to others stay. */
    @SagaEventHandler(associationProperty = SERIES)
    void on(SeriesTemplateChanged event, CommandGateway commands) {
        SeriesTemplate before = template;
        SeriesTemplate after = event.template();
        template = after;
        if (latestTask == null) {
            return;
        }
        Set<TagId> removed = new HashSet<>(before.tags());
        removed.removeAll(after.tags());
        String description = Objects.equals(after.description(), before.description()) ? null
                : Objects.requireNonNullElse(after.description(), "");
        UpdateTask update = new UpdateTask(latestTask, owner,
                after.title().equals(before.title()) ? null : after.title(), description, null, false,
                after.priority() == before.priority() ? null : after.priority(), after.tags(), removed,
                after.reminders().equals(before.reminders()) ? null : after.reminders(), null);
        unlessDeleted(() -> commands.sendAndWait(update));
    }

    @SagaEventHandler(associationProperty = SERIES)
    void on(SeriesStopped event) {
        finish();
    }

    @SagaEventHandler(associationProperty = SERIES)
    void on(SeriesFinished event) {
        finish();
    }

    private void advance(Instant doneAt, CommandGateway commands) {
        forgetLatest();
        commands.sendAndWait(new AdvanceSeries(seriesId, latestIndex, doneAt));
    }

    private void forgetLatest() {
        removeAssociationWith(TASK, latestTask.toString());
        latestTask = null;
    }

    /** The series schedules nothing more; the occurrences that exist stay as they are. */
    private void finish() {
        SagaLifecycle.end();
    }

    /** The owner may delete the task before the saga gets to it; then there is nothing left to change. */
    private static void unlessDeleted(Runnable command) {
        try {
            command.run();
        } catch (CommandExecutionException refused) {
            if (!isRefusal(refused, ErrorCode.TASK_DELETED)) {
                throw refused;
            }
        }
    }

    private static boolean isRefusal(CommandExecutionException failure, ErrorCode code) {
        return Refusal.of(failure).map(Refusal::code).orElse(null) == code;
    }
}
