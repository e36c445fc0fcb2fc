package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ApiClient.Response;
import dev.taskstream.server.support.Eventually;
import dev.taskstream.server.support.SecondInstance;
import dev.taskstream.server.support.ServerTest;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A rebuild on one instance while a second instance on the same database runs half of the live task-view processor:
 * a second rebuild is refused on either instance, and every task written meanwhile is in the rebuilt table, whichever
 * instance's processor handled it.
 */
@ServerTest(properties = {"taskstream.admin.emails=" + RebuildAcrossInstancesTest.ADMIN, "taskstream.rebuild.batch-size=50"})
class RebuildAcrossInstancesTest {

    static final String ADMIN = "rebuild-across-instances-admin@example.org";

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void oneRebuildAtATimeAcrossInstances_andNoWriteHandledByTheOtherInstanceIsLost() throws Exception {
        try (ConfigurableApplicationContext other = SecondInstance.start(dataSource, "--taskstream.roles=query",
                "--taskstream.admin.emails=" + ADMIN)) {
            ApiClient admin = ApiClient.user(port, ADMIN);
            ApiClient adminThere = ApiClient.anonymous(SecondInstance.port(other)).withToken(admin.token());
            ApiClient user = ApiClient.newUser(port);
            // Hand segment 1 to the other instance, so that its processor writes half of the tasks during the rebuild.
            processing.eventProcessor("task-view", TrackingEventProcessor.class).orElseThrow()
                    .releaseSegment(1, 5, TimeUnit.MINUTES);
            TrackingEventProcessor there = other.getBean(EventProcessingConfiguration.class)
                    .eventProcessor("task-view", TrackingEventProcessor.class).orElseThrow();
            await().atMost(Eventually.BOUND).until(() -> there.processingStatus().containsKey(1));
            int before = 300;
            IntStream.range(0, before).forEach(i -> user.post("/api/tasks", "{\"title\":\"before " + i + "\"}"));
            await().atMost(Eventually.BOUND).until(() -> user.get("/api/tasks?count=true&limit=1").body().path("total").asLong(),
                    total -> total == before);

            AtomicBoolean rebuilding = new AtomicBoolean(true);
            List<String> written = Collections.synchronizedList(new ArrayList<>());
            Thread writer = new Thread(() -> {
                for (int i = 0; rebuilding.get(); i++) {
                    Response created = user.post("/api/tasks", "{\"title\":\"during " + i + "\"}");
                    if (created.status() == 201) {
                        written.add(created.text("id"));
                    }
                }
            });
            writer.start();

            try (Connection holdingTheSwap = dataSource.getConnection()) {
                // The rebuild cannot rename its tables into place while this transaction reads task_view, so it is
                // still under way when the next two are asked for, however fast it folds the events.
                holdingTheSwap.setAutoCommit(false);
                holdingTheSwap.createStatement().execute("LOCK TABLE task_view IN ACCESS SHARE MODE");
                assertThat(admin.post("/api/admin/processors/task-view/replay").status()).isEqualTo(202);
                Response refusedThere = adminThere.post("/api/admin/processors/task-view/replay");
                assertThat(refusedThere.status()).isEqualTo(409);
                assertThat(refusedThere.text("code")).isEqualTo("PROCESSOR_BUSY");
                assertThat(refusedThere.text("field")).isEqualTo("processor");
                assertThat(admin.post("/api/admin/processors/task-view/replay").status()).isEqualTo(409);
                holdingTheSwap.rollback();
            }
            JsonNode done = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .until(() -> admin.get("/api/admin/processors/task-view/replay").body(),
                            progress -> Set.of("DONE", "FAILED").contains(progress.get("state").asText()));
            rebuilding.set(false);
            writer.join();

            assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
            assertThat(written).isNotEmpty();
            UUID owner = UUID.fromString(user.userId());
            await().atMost(Eventually.BOUND).untilAsserted(() -> assertThat(
                    jdbc.sql("SELECT task_id::text FROM task_view WHERE owner_id = ?").param(owner).query(String.class).list())
                    .hasSize(before + written.size())
                    .containsAll(written));
            assertThat(there.processingStatus()).as("the other instance still runs its segment").containsKey(1);
            assertThat(adminThere.post("/api/admin/processors/task-view/replay").status())
                    .as("the lock went with the finished rebuild").isEqualTo(202);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .until(() -> adminThere.get("/api/admin/processors/task-view/replay").body().get("state").asText(),
                            state -> Set.of("DONE", "FAILED").contains(state));
        }
    }
}
