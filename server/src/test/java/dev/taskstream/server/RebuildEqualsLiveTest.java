package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tasks.Priority;
import dev.taskstream.api.tasks.TaskCreated;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.Eventually;
import dev.taskstream.server.support.ServerTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A rebuild must produce exactly the rows that live processing produced: every kind of task, tag and series event,
 * deletions included, folded by pages of 7 events so that pages, waves and the queries of delete handlers meet, and
 * an event the table cannot hold, which both leave out.
 * Live task-view runs one segment here: with two, a task's segment can handle its tagging after the tag's segment
 * handled the tag's deletion, and the live row keeps the deleted tag's id (reads skip it); the rebuild, in global
 * order, does not.
 */
@ServerTest(properties = {"taskstream.admin.emails=" + RebuildEqualsLiveTest.ADMIN, "taskstream.rebuild.batch-size=7",
        "axon.eventhandling.processors.task-view.thread-count=1",
        "axon.eventhandling.processors.task-view.initial-segment-count=1"})
class RebuildEqualsLiveTest {

    static final String ADMIN = "rebuild-equals-live-admin@example.org";
    private static final String DUE = "\"due\":{\"date\":\"2026-12-24\",\"time\":\"18:00\",\"timeZone\":\"Europe/Berlin\"}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventStore events;

    @Test
    void theRebuiltTablesEqualTheLiveOnes() {
        ApiClient admin = ApiClient.user(port, ADMIN);
        ApiClient one = ApiClient.newUser(port);
        ApiClient two = ApiClient.newUser(port);
        for (ApiClient user : List.of(one, two)) {
            writeEveryKindOfEvent(user);
        }
        // An event stored by an older version that the table cannot hold: live parks it, the rebuild leaves it out.
        TaskId poisoned = TaskId.random();
        events.publish(new GenericDomainEventMessage<>("Task", poisoned.toString(), 0, new TaskCreated(poisoned,
                new UserId(UUID.fromString(one.userId())), "poison\u0000title", null, null, Priority.NONE, Set.of(), null)));
        List<String> owners = List.of(one.userId(), two.userId());
        await().atMost(Eventually.BOUND).pollInterval(Duration.ofMillis(200)).until(() -> caughtUp(admin));
        Map<String, List<Map<String, Object>>> live = rows(owners);
        assertThat(live.get("task_view")).hasSizeGreaterThan(10);
        assertThat(live.get("tag_view")).hasSizeGreaterThan(2);
        assertThat(live.get("series_view")).isNotEmpty();

        Map<String, Long> refused = Map.of("task-view", 1L, "series-view", 0L);
        for (String processor : List.of("task-view", "series-view")) {
            assertThat(admin.post("/api/admin/processors/" + processor + "/replay").status()).isEqualTo(202);
            JsonNode done = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> admin.get("/api/admin/processors/" + processor + "/replay").body(),
                            progress -> Set.of("DONE", "FAILED").contains(progress.get("state").asText()));
            assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
            assertThat(done.get("failedEvents").asLong()).isEqualTo(refused.get(processor));
        }

        assertThat(rows(owners)).isEqualTo(live);
        // The rebuilt indexes keep the live ones' settings too: no pending list in the GIN indexes (V51).
        assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE tablename = 'task_view' AND indexdef LIKE '%USING gin%'")
                .query(String.class).list()).hasSize(2).allMatch(index -> index.endsWith("WITH (fastupdate=off)"));
    }

    /** Both processors at the head of the store, and the head where it was a moment ago (the sagas write too). */
    private static boolean caughtUp(ApiClient admin) throws InterruptedException {
        JsonNode before = admin.get("/api/admin/processors").body();
        Thread.sleep(600);
        JsonNode after = admin.get("/api/admin/processors").body();
        for (JsonNode processor : after) {
            if (Set.of("task-view", "series-view").contains(processor.get("name").asText())
                    && processor.path("lag").asLong(-1) != 0) {
                return false;
            }
        }
        return before.get(0).get("head").equals(after.get(0).get("head"));
    }

    /**
     * Created, renamed, described, due set and cleared, prioritized, tagged, untagged, reminded, done, undone, deleted.
     * Each step is taken on every task before the next, so that a page holds the same change to several tasks, which
     * the rebuild writes as one statement.
     */
    private static void writeEveryKindOfEvent(ApiClient user) {
        String home = user.post("/api/tags", "{\"name\":\"home\",\"colour\":\"#3366ff\"}").text("id");
        String doomed = user.post("/api/tags", "{\"name\":\"doomed\"}").text("id");
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(user.post("/api/tasks", "{\"title\":\"task " + i + "\",\"tags\":[\"home\",\"doomed\",\"t" + i + "\"],"
                    + DUE + ",\"priority\":\"HIGH\",\"reminders\":[{\"before\":\"PT1H\"}]}").text("id"));
        }
        for (int i = 0; i < 8; i++) {
            user.patch("/api/tasks/" + tasks.get(i), "{\"title\":\"task " + i + " renamed\",\"description\":\"about " + i + "\"}");
        }
        tasks.forEach(id -> user.patch("/api/tasks/" + id, "{\"priority\":\"LOW\",\"tags\":[\"home\",\"doomed\"]}"));
        for (int i = 0; i < 8; i += 2) {
            user.patch("/api/tasks/" + tasks.get(i), "{\"due\":null}");
        }
        tasks.forEach(id -> user.post("/api/tasks/" + id + "/complete"));
        for (int i = 0; i < 8; i += 3) {
            user.post("/api/tasks/" + tasks.get(i) + "/reopen");
        }
        for (int i = 1; i < 8; i += 4) {
            user.delete("/api/tasks/" + tasks.get(i));
        }
        user.patch("/api/tags/" + home, "{\"name\":\"house\",\"colour\":\"#ff0000\"}");
        user.delete("/api/tags/" + doomed);
        String series = user.post("/api/tasks", "{\"title\":\"weekly\"," + DUE
                + ",\"recurrence\":{\"preset\":\"weekly\"}}").text("seriesId");
        user.patch("/api/series/" + series, "{\"recurrence\":{\"preset\":\"daily\"}}");
    }

    /** Every column of the users' rows in each table, in key order. */
    private Map<String, List<Map<String, Object>>> rows(List<String> owners) {
        UUID[] ids = owners.stream().map(UUID::fromString).toArray(UUID[]::new);
        return Map.of(
                "task_view", table("SELECT * FROM task_view WHERE owner_id = ANY (?) ORDER BY task_id", ids),
                "tag_view", table("SELECT * FROM tag_view WHERE owner_id = ANY (?) ORDER BY tag_id", ids),
                "series_view", table("SELECT * FROM series_view WHERE owner_id = ANY (?) ORDER BY series_id", ids));
    }

    private List<Map<String, Object>> table(String sql, UUID[] owners) {
        // Text makes arrays, jsonb and tsvector values comparable.
        return jdbc.sql(sql).param(owners).query((row, n) -> {
            Map<String, Object> columns = new TreeMap<>();
            for (int c = 1; c <= row.getMetaData().getColumnCount(); c++) {
                columns.put(row.getMetaData().getColumnName(c), row.getString(c));
            }
            return (Map<String, Object>) columns;
        }).list();
    }
}
