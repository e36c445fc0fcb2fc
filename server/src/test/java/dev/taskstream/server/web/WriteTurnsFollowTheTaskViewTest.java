package dev.taskstream.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ServerTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP, under a load of creates, more writes run at once while the task view keeps up, and fewer once it
 * has fallen behind: here it is stopped for a while, as a projection starved of the cores would be.
 */
@ServerTest(properties = {"taskstream.http.writes.least-per-core=1", "taskstream.http.writes.most-per-core=4",
        "taskstream.http.writes.task-view-lag=500ms",
        "taskstream.admin.emails=" + WriteTurnsFollowTheTaskViewTest.OPERATOR})
class WriteTurnsFollowTheTaskViewTest {

    static final String OPERATOR = "write-turns-operator@example.org";

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final int WRITERS = 16;

    @LocalServerPort
    int port;

    @Autowired
    EventProcessingConfiguration processing;

    /** Signed in before any load: metrics are for admins. */
    private ApiClient operator;

    @BeforeEach
    void signInTheOperator() {
        operator = ApiClient.user(port, OPERATOR);
    }

    @Test
    void writesAtOnceGrowWhileTheTaskViewKeepsUpAndShrinkOnceItFallsBehind() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            ApiClient user = ApiClient.newUser(port);
            answers.add(writers.submit(() -> createUntilStopped(user, writing)));
        }
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> writesAtOnce() > CORES);
            double grown = writesAtOnce();

            EventProcessor taskView = processing.eventProcessor("task-view").orElseThrow();
            taskView.shutDown();
            Thread.sleep(1_500);
            taskView.start();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                    .until(() -> writesAtOnce() < grown);
        } finally {
            writing.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).as("the first answer that was not 201").isEqualTo(201);
        }
    }

    /** Creates tasks one after the other; returns 201, or the first other status. */
    private static int createUntilStopped(ApiClient user, AtomicBoolean writing) {
        while (writing.get()) {
            int status = user.post("/api/tasks", "{\"title\":\"Under load\"}").status();
            if (status != 201) {
                return status;
            }
        }
        return 201;
    }

    /** What an operator sees in {@code /actuator/metrics}. */
    private double writesAtOnce() {
        ApiClient.Response meter = operator.get("/actuator/metrics/taskstream.writes.at-once");
        assertThat(meter.status()).isEqualTo(200);
        return meter.body().path("measurements").path(0).path("value").asDouble();
    }
}
