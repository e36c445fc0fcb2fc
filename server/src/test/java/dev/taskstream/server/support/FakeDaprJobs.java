package dev.taskstream.server.support;

import io.dapr.v1.CommonProtos.JobFailurePolicy;
import io.dapr.v1.CommonProtos.JobFailurePolicyConstant;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprJobsProtos.DeleteJobRequest;
import io.dapr.v1.DaprJobsProtos.DeleteJobResponse;
import io.dapr.v1.DaprJobsProtos.Job;
import io.dapr.v1.DaprJobsProtos.ScheduleJobRequest;
import io.dapr.v1.DaprJobsProtos.ScheduleJobResponse;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Stands in for daprd's Jobs API (gRPC, as the Dapr SDK speaks it) on loopback: keeps the jobs it is given and,
 * when one is due, calls the app back with {@code POST /job/{name}} over real HTTP, as daprd does for an HTTP
 * app, with the app API token, and tries a failed one again as its failure policy says. Tests may also
 * {@link #fire} a job again, as Dapr's at-least-once delivery may.
 */
public final class FakeDaprJobs extends DaprGrpc.DaprImplBase implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** What daprd's scheduler gives a job scheduled without a failure policy. */
    private static final JobFailurePolicy DAPR_DEFAULT_POLICY = JobFailurePolicy.newBuilder()
            .setConstant(JobFailurePolicyConstant.newBuilder()
                    .setInterval(com.google.protobuf.Duration.newBuilder().setSeconds(1)).setMaxRetries(3))
            .build();

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Set<String> dropped = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final IntSupplier appPort;
    private final String appApiToken;
    private final Server server;

    public FakeDaprJobs(IntSupplier appPort, String appApiToken) throws IOException {
        this.appPort = appPort;
        this.appApiToken = appApiToken;
        this.server = ServerBuilder.forPort(0).addService(this).build().start();
    }

    public int grpcPort() {
        return server.getPort();
    }

    /** The jobs scheduled and not deleted, by name. */
    public Map<String, Job> jobs() {
        return Map.copyOf(jobs);
    }

    @Override
    public void scheduleJobAlpha1(ScheduleJobRequest request, StreamObserver<ScheduleJobResponse> response) {
        Job job = request.getJob();
        jobs.put(job.getName(), job);
        long delay = Math.max(0, Duration.between(Instant.now(), Instant.parse(job.getDueTime())).toMillis());
        timer.schedule(() -> fireIfScheduled(job.getName(), 0), delay, TimeUnit.MILLISECONDS);
        response.onNext(ScheduleJobResponse.getDefaultInstance());
        response.onCompleted();
    }

    @Override
    public void deleteJobAlpha1(DeleteJobRequest request, StreamObserver<DeleteJobResponse> response) {
        jobs.remove(request.getName());
        response.onNext(DeleteJobResponse.getDefaultInstance());
        response.onCompleted();
    }

    /** The jobs given up on: refused with 404, or failed as often as their failure policy allows. */
    public Set<String> dropped() {
        return Set.copyOf(dropped);
    }

    /** Calls the app back for this job, whether or not it is still scheduled, and answers the app's status. */
    public int fire(String name) throws IOException, InterruptedException {
        HttpRequest callback = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appPort.getAsInt() + "/job/"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .header("dapr-api-token", appApiToken)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30))
                .build();
        return HTTP.send(callback, BodyHandlers.discarding()).statusCode();
    }

    /**
     * A one-shot job leaves the list once the app took it (200). Otherwise it is tried again as its failure policy
     * says, the way daprd's scheduler does: a job without one is tried three more times a second apart, and then
     * dropped; a 404 is not tried again at all.
     */
    private void fireIfScheduled(String name, int failures) {
        Job job = jobs.get(name);
        if (job == null) {
            return;
        }
        try {
            int status = fire(name);
            if (status == 200) {
                jobs.remove(name);
                return;
            }
            if (status == 404) {
                drop(name);
                return;
            }
        } catch (IOException e) {
            // The app is away: a failure like any other.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Optional<Duration> retry = retryAfter(job, failures + 1);
        if (retry.isEmpty()) {
            drop(name);
            return;
        }
        timer.schedule(() -> fireIfScheduled(name, failures + 1), retry.get().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void drop(String name) {
        jobs.remove(name);
        dropped.add(name);
    }

    private static Optional<Duration> retryAfter(Job job, int failures) {
        JobFailurePolicy policy = job.hasFailurePolicy() ? job.getFailurePolicy() : DAPR_DEFAULT_POLICY;
        if (!policy.hasConstant()) {
            return Optional.empty();
        }
        JobFailurePolicyConstant constant = policy.getConstant();
        if (constant.hasMaxRetries() && failures > constant.getMaxRetries()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(constant.getInterval().getSeconds(), constant.getInterval().getNanos()));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        server.shutdownNow();
    }
}
