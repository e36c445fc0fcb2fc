package dev.taskstream.server;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.taskstream.server.support.FakeDaprJobs;
import dev.taskstream.server.support.ServerTest;
import io.dapr.v1.CommonProtos.JobFailurePolicy;
import io.dapr.v1.DaprJobsProtos.Job;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sagas role on its own schedules deadlines as Dapr jobs: the real Dapr client against a loopback stand-in
 * for the sidecar's Jobs API, which calls back {@code POST /job/{name}} over real HTTP when a job is due. A tiny
 * saga (registered for this test only) sleeps until its deadline wakes it.
 */
@ServerTest(properties = {"taskstream.roles=sagas", "taskstream.dapr.app-api-token=" + DaprJobsDeadlineTest.APP_TOKEN})
@Import(DaprJobsDeadlineTest.WithNapSaga.class)
class DaprJobsDeadlineTest {

    static final String APP_TOKEN = "jobs-test-token";
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static volatile int appPort;
    private static FakeDaprJobs sidecar;

    @LocalServerPort
    int port;

    @Autowired
    EventGateway events;

    @BeforeAll
    static void startSidecar() throws Exception {
        sidecar = new FakeDaprJobs(() -> appPort, APP_TOKEN);
        // Read by the Dapr client the server builds, the way DAPR_GRPC_PORT is read under a real sidecar.
        System.setProperty("dapr.grpc.port", String.valueOf(sidecar.grpcPort()));
    }

    @AfterAll
    static void stopSidecar() {
        System.clearProperty("dapr.grpc.port");
        sidecar.close();
    }

    @BeforeEach
    void knowThePort() {
        appPort = port;
    }

    @Test
    void aDeadlineFiresThroughItsJobOnce_evenWhenDaprDeliversTheJobTwice() throws Exception {
        String nap = UUID.randomUUID().toString();

        events.publish(new NapStarted(nap, Instant.now().plusSeconds(1), Duration.ZERO));

        String job = awaitJob(nap);
        await().atMost(BOUND).until(() -> NapSaga.wakeUps(nap) == 1);
        assertThat(sidecar.fire(job)).isEqualTo(200);
        assertThat(NapSaga.wakeUps(nap)).isEqualTo(1);
    }

    /**
     * A deadline due at once (a reminder whose time passed while the sagas role was down, handled again after the
     * restart) has its job asked for before the saga's transaction commits; the sidecar may call back first.
     */
    @Test
    void aDeadlineDueAtOnceFiresOnce_evenWhenTheCallbackComesBeforeTheSagaCommits() throws Exception {
        String nap = UUID.randomUUID().toString();

        events.publish(new NapStarted(nap, Instant.now(), Duration.ofSeconds(2)));

        await().atMost(BOUND).until(() -> NapSaga.wakeUps(nap) == 1);
        Thread.sleep(1000);
        assertThat(NapSaga.wakeUps(nap)).isEqualTo(1);
    }

    /**
     * Dapr gives up on a job whose callback failed four times, unless the job's failure policy says otherwise; the
     * deadline would then never fire. Here the saga fails on it five times, as it would while its database is away.
     */
    @Test
    void aDeadlineWhoseFiringFailsIsTriedUntilItFires() {
        String nap = UUID.randomUUID().toString();
        NapSaga.failingWakeUps.put(nap, new AtomicInteger(5));

        events.publish(new NapStarted(nap, Instant.now().plusSeconds(1), Duration.ZERO));

        String job = awaitJob(nap);
        JobFailurePolicy policy = sidecar.jobs().get(job).getFailurePolicy();
        assertThat(policy.hasConstant()).as("retried at a constant interval").isTrue();
        assertThat(policy.getConstant().hasMaxRetries()).as("for as long as it fails").isFalse();
        com.google.protobuf.Duration interval = policy.getConstant().getInterval();
        assertThat(Duration.ofSeconds(interval.getSeconds(), interval.getNanos())).as("after a pause, not at once")
                .isPositive();
        await().atMost(BOUND).until(() -> NapSaga.wakeUps(nap) == 1);
        assertThat(NapSaga.failingWakeUps.get(nap)).hasValue(0);
        assertThat(sidecar.dropped()).doesNotContain(job);
    }

    @Test
    void aCancelledDeadlineLosesItsJob_andAStaleCallbackChangesNothing() throws Exception {
        String nap = UUID.randomUUID().toString();
        events.publish(new NapStarted(nap, Instant.now().plus(Duration.ofHours(1)), Duration.ZERO));
        String job = awaitJob(nap);

        events.publish(new NapCancelled(nap));

        await().atMost(BOUND).until(() -> !sidecar.jobs().containsKey(job));
        assertThat(sidecar.fire(job)).isEqualTo(200);
        assertThat(NapSaga.wakeUps(nap)).isZero();
    }

    @Test
    void onlyTheSidecarMayCallBack() throws Exception {
        String nap = UUID.randomUUID().toString();
        events.publish(new NapStarted(nap, Instant.now().plus(Duration.ofHours(1)), Duration.ZERO));
        String job = awaitJob(nap);

        try (FakeDaprJobs impostor = new FakeDaprJobs(() -> port, "a guess")) {
            assertThat(impostor.fire(job)).isEqualTo(404);
        }
        assertThat(NapSaga.wakeUps(nap)).isZero();
    }

    /** The job the nap's deadline became: named after the deadline (and its id), due when the saga asked. */
    private static String awaitJob(String nap) {
        String deadline = await().atMost(BOUND).until(() -> NapSaga.deadlines.get(nap), Objects::nonNull);
        Map.Entry<String, Job> job = sidecar.jobs().entrySet().stream()
                .filter(entry -> entry.getKey().endsWith(deadline)).findFirst().orElseThrow();
        assertThat(job.getKey()).startsWith(NapSaga.WAKE_UP + "-");
        assertThat(Instant.parse(job.getValue().getDueTime())).isEqualTo(NapSaga.dueAt.get(nap));
        return job.getKey();
    }

    /** {@code lingering}: how long the saga's transaction stays open after it asked for the deadline. */
    record NapStarted(String nap, Instant wakeAt, Duration lingering) {
    }

    record NapCancelled(String nap) {
    }

    /** Not a Spring component (no {@code @Saga}), so only this test's context runs it. */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    public static class NapSaga {

        static final String WAKE_UP = "wake-up";
        static final Map<String, AtomicInteger> wakeUps = new ConcurrentHashMap<>();
        /** How many more times a nap's wake-up fails before it succeeds. */
        static final Map<String, AtomicInteger> failingWakeUps = new ConcurrentHashMap<>();
        /** Each nap's deadline id, as the deadline manager answered it, and when it is due. */
        static final Map<String, String> deadlines = new ConcurrentHashMap<>();
        static final Map<String, Instant> dueAt = new ConcurrentHashMap<>();

        private String nap;

        static int wakeUps(String nap) {
            return wakeUps.getOrDefault(nap, new AtomicInteger()).get();
        }

        @StartSaga
        @SagaEventHandler(associationProperty = "nap")
        public void on(NapStarted event, DeadlineManager deadlines) {
            nap = event.nap();
            dueAt.put(nap, event.wakeAt().truncatedTo(ChronoUnit.MILLIS));
            NapSaga.deadlines.put(nap, deadlines.schedule(event.wakeAt(), WAKE_UP, nap));
            linger(event.lingering());
        }

        @SagaEventHandler(associationProperty = "nap")
        public void on(NapCancelled event, DeadlineManager deadlines) {
            deadlines.cancelAllWithinScope(WAKE_UP);
        }

        private static void linger(Duration lingering) {
            try {
                Thread.sleep(lingering.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @DeadlineHandler(deadlineName = WAKE_UP)
        public void wakeUp(String napped) {
            AtomicInteger failuresLeft = failingWakeUps.get(napped);
            if (failuresLeft != null && failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw new IllegalStateException("the nap's wake-up fails this time");
            }
            wakeUps.computeIfAbsent(napped, key -> new AtomicInteger()).incrementAndGet();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class WithNapSaga {

        @Bean
        ConfigurerModule napSaga() {
            return configurer -> configurer.eventProcessing(processing -> processing.registerSaga(NapSaga.class));
        }
    }
}
