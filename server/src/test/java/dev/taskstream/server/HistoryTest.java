package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ApiClient.Response;
import dev.taskstream.server.support.Eventually;
import dev.taskstream.server.support.ServerTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A task's life read back from the event store: every event with who, from where and what changed, and "as of". */
@ServerTest
class HistoryTest {

    @LocalServerPort
    int port;

    @Test
    void historyListsEveryEditWithActorDeviceAndChange_evenAfterDeletion() {
        ApiClient ada = ApiClient.newUser(port).onDevice("ada-phone");
        Step step = new Step();
        Instant beforeItExisted = step.now();
        String id = ada.post("/api/tasks", "{\"title\":\"Buy milk\",\"tags\":[\"home\"]}").text("id");
        Instant created = step.now();
        ada.patch("/api/tasks/" + id, "{\"title\":\"Buy oat milk\"}");
        Instant renamed = step.now();
        ada.patch("/api/tasks/" + id, "{\"due\":{\"date\":\"2026-12-24\",\"time\":\"18:00\",\"timeZone\":\"Europe/Berlin\"}}");
        Instant dueSet = step.now();
        ada.patch("/api/tasks/" + id, "{\"addTags\":[\"shop\"],\"removeTags\":[\"home\"]}");
        Instant retagged = step.now();
        ada.post("/api/tasks/" + id + "/complete");
        Instant completed = step.now();
        ada.post("/api/tasks/" + id + "/reopen");
        Instant reopened = step.now();
        assertThat(ada.delete("/api/tasks/" + id).status()).isEqualTo(200);
        Instant deleted = step.now();

        List<JsonNode> history = allPages(ada, "/api/tasks/" + id + "/history", 3);

        assertThat(history).extracting(entry -> entry.get("type").asText()).containsExactly(
                "TaskCreated", "TaskRenamed", "TaskDueDateSet", "TaskTagged", "TaskUntagged",
                "TaskCompleted", "TaskReopened", "TaskDeleted");
        assertThat(history).extracting(entry -> entry.get("sequence").asLong()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(history).allSatisfy(entry -> {
            assertThat(entry.get("actor").asText()).isEqualTo(userId(ada));
            assertThat(entry.get("deviceId").asText()).isEqualTo("ada-phone");
        });
        assertThat(history).extracting(entry -> entry.get("summary").asText()).containsExactly(
                "created; title: none → 'Buy milk'; status: none → OPEN; priority: none → NONE; tags: +home",
                "title: 'Buy milk' → 'Buy oat milk'",
                "due: none → 24 Dec 2026 18:00 Europe/Berlin",
                "tags: +shop",
                "tags: -home",
                "status: OPEN → COMPLETED",
                "status: COMPLETED → OPEN",
                "deleted");
        JsonNode rename = history.get(1).get("changes").get(0);
        assertThat(rename.get("field").asText()).isEqualTo("title");
        assertThat(rename.get("before").asText()).isEqualTo("Buy milk");
        assertThat(rename.get("after").asText()).isEqualTo("Buy oat milk");
        assertThat(Instant.parse(history.get(0).get("at").asText())).isBetween(beforeItExisted, created);

        assertThat(ada.get(asOf(id, beforeItExisted)).status()).isEqualTo(404);
        assertThat(ada.get(asOf(id, created)).body().get("title").asText()).isEqualTo("Buy milk");
        JsonNode atRename = ada.get(asOf(id, renamed)).body();
        assertThat(atRename.get("title").asText()).isEqualTo("Buy oat milk");
        assertThat(atRename.get("due").isNull()).isTrue();
        assertThat(atRename.get("version").asLong()).isEqualTo(1);
        assertThat(ada.get(asOf(id, dueSet)).body().get("dueAt").asText()).isEqualTo("2026-12-24T17:00:00Z");
        JsonNode atRetag = ada.get(asOf(id, retagged)).body();
        assertThat(atRetag.get("tags")).extracting(tag -> tag.get("name").asText()).containsExactly("shop");
        assertThat(ada.get(asOf(id, completed)).body().get("status").asText()).isEqualTo("COMPLETED");
        JsonNode atReopen = ada.get(asOf(id, reopened)).body();
        assertThat(atReopen.get("status").asText()).isEqualTo("OPEN");
        assertThat(atReopen.get("version").asLong()).isEqualTo(6);
        assertThat(ada.get(asOf(id, deleted)).status()).isEqualTo(404);
    }

    @Test
    void onlyTheOwnerSeesAHistory_andBadParametersAreNamed() {
        ApiClient ada = ApiClient.newUser(port);
        ApiClient eve = ApiClient.newUser(port);
        String id = ada.post("/api/tasks", "{\"title\":\"Private\"}").text("id");
        String missing = "/api/tasks/0b8f6a53-4a4c-4d53-9a5e-8a8f0c1f3e11";

        assertThat(ada.get("/api/tasks/" + id + "/history").status()).isEqualTo(200);
        assertThat(eve.get("/api/tasks/" + id + "/history").status()).isEqualTo(404);
        assertThat(eve.get("/api/tasks/" + id + "/history").body().get("code").asText())
                .isEqualTo(ada.get(missing + "/history").body().get("code").asText());
        assertThat(eve.get(asOf(id, Instant.now())).status()).isEqualTo(404);

        assertRefused(ada.get("/api/tasks/" + id + "?asOf=" + Instant.now().plusSeconds(60)), "asOf");
        assertRefused(ada.get("/api/tasks/" + id + "?asOf=yesterday"), "asOf");
        assertRefused(ada.get("/api/tasks/" + id + "?asOf=2026-01-01T10:00"), "asOf");
        assertRefused(ada.get("/api/tasks/" + id + "/history?limit=0"), "limit");
        assertRefused(ada.get("/api/tasks/" + id + "/history?cursor=-1"), "cursor");
        assertRefused(ada.get("/api/tasks/" + id + "/history?sort=title"), "sort");
        assertThat(ApiClient.anonymous(port).get("/api/tasks/" + id + "/history").status()).isEqualTo(401);
    }

    @Test
    void aSeriesHasAHistoryToo() {
        ApiClient ada = ApiClient.newUser(port);
        ApiClient eve = ApiClient.newUser(port);
        String series = ada.post("/api/tasks", "{\"title\":\"Stand-up\",\"due\":{\"date\":\"2026-03-02\",\"time\":\"09:00\","
                + "\"timeZone\":\"Europe/Berlin\"},\"recurrence\":{\"rule\":\"FREQ=WEEKLY;BYDAY=MO\"}}").text("seriesId");
        assertThat(ada.patch("/api/series/" + series, "{\"title\":\"Weekly stand-up\"}").status()).isEqualTo(200);

        List<JsonNode> history = allPages(ada, "/api/series/" + series + "/history", 50);

        assertThat(history.get(0).get("type").asText()).isEqualTo("SeriesCreated");
        assertThat(history.get(0).get("summary").asText()).startsWith("created; title: none → 'Stand-up'")
                .contains("rule: none → 'FREQ=WEEKLY;BYDAY=MO'");
        assertThat(history).extracting(entry -> entry.get("summary").asText())
                .contains("title: 'Stand-up' → 'Weekly stand-up'");
        assertThat(eve.get("/api/series/" + series + "/history").status()).isEqualTo(404);
    }

    /** Follows nextCursor to the end, checking every page but the last is full. */
    @Test
    void remindersReadAsAPersonWouldAndMoveWithTheDueDateWithoutAChangeOfTheirOwn() {
        ApiClient ada = ApiClient.newUser(port);
        String id = ada.post("/api/tasks", "{\"title\":\"Pack\",\"due\":{\"date\":\"2030-03-04\",\"time\":\"09:00\","
                + "\"timeZone\":\"Europe/Berlin\"}}").text("id");
        ada.patch("/api/tasks/" + id, "{\"reminders\":[{\"before\":\"PT1H30M\"},{\"at\":\"2030-03-03T20:00:00+01:00\"}]}");
        ada.patch("/api/tasks/" + id, "{\"due\":{\"date\":\"2030-03-05\",\"time\":\"09:00\",\"timeZone\":\"Europe/Berlin\"}}");

        List<JsonNode> history = allPages(ada, "/api/tasks/" + id + "/history", 50);

        assertThat(history).extracting(entry -> entry.get("summary").asText()).containsExactly(
                "created; title: none → 'Pack'; status: none → OPEN; due: none → 4 Mar 2030 09:00 Europe/Berlin; priority: none → NONE",
                "reminders: +1 h 30 min before due +at 3 Mar 2030 19:00:00 UTC",
                "due: 4 Mar 2030 09:00 Europe/Berlin → 5 Mar 2030 09:00 Europe/Berlin");
    }

    private static List<JsonNode> allPages(ApiClient user, String path, int limit) {
        List<JsonNode> entries = new ArrayList<>();
        String cursor = null;
        do {
            Response page = user.get(path + "?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.body().get("items").forEach(entries::add);
            cursor = page.body().get("nextCursor").isNull() ? null : page.body().get("nextCursor").asText();
            if (cursor != null) {
                assertThat(page.body().get("items")).hasSize(limit);
            }
        } while (cursor != null);
        return entries;
    }

    private static String asOf(String id, Instant instant) {
        return "/api/tasks/" + id + "?asOf=" + instant;
    }

    private static void assertRefused(Response response, String field) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("field").asText()).isEqualTo(field);
    }

    static String userId(ApiClient user) {
        try {
            String payload = new String(Base64.getUrlDecoder().decode(user.token().split("\\.")[1]));
            return new ObjectMapper().readTree(payload).get("sub").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Instants between steps: event timestamps are strictly before the next one. */
    private static final class Step {
        Instant now() {
            Instant now = Instant.now();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return now;
        }
    }
}
