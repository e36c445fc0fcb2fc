package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ApiClient.Response;
import dev.taskstream.server.support.Eventually;
import dev.taskstream.server.support.ServerTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two devices edit one task from the same version: other fields merge, the same field is a conflict. */
@ServerTest
class ConcurrentEditTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient ada;
    private String id;

    @BeforeEach
    void aTaskBothDevicesHaveSeen() {
        ada = ApiClient.newUser(port);
        Response created = ada.post("/api/tasks", "{\"title\":\"Plan the trip\"}");
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        id = created.text("id");
        assertThat(Eventually.task(ada, id, 0).path("version").asLong()).isZero();
        assertThat(ada.get("/api/tasks/" + id).header("ETag")).isEqualTo("\"0\"");
    }

    @Test
    void editsOfDifferentFieldsFromTheSameVersionAreBothKept() {
        Response phone = ada.send("PATCH", "/api/tasks/" + id, "{\"title\":\"Plan the trip to Porto\"}", "If-Match", "\"0\"");
        Response laptop = ada.send("PATCH", "/api/tasks/" + id, "{\"priority\":\"HIGH\"}", "If-Match", "\"0\"");

        assertThat(phone.status()).isEqualTo(200);
        assertThat(phone.header("ETag")).isEqualTo("\"1\"");
        assertThat(laptop.status()).isEqualTo(200);
        assertThat(laptop.header("ETag")).isEqualTo("\"2\"");
        JsonNode task = Eventually.task(ada, id, 2);
        assertThat(task.path("title").asText()).isEqualTo("Plan the trip to Porto");
        assertThat(task.path("priority").asText()).isEqualTo("HIGH");
    }

    @Test
    void anEditOfTheSameFieldFromAnOldVersionIsAConflictAndStoresNothing() {
        ada.send("PATCH", "/api/tasks/" + id, "{\"title\":\"Plan the trip to Porto\"}", "If-Match", "\"0\"");
        long events = events();

        Response stale = ada.send("PATCH", "/api/tasks/" + id, "{\"title\":\"Plan the trip to Lisbon\",\"priority\":\"LOW\"}",
                "If-Match", "\"0\"");

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("code")).isEqualTo("EDIT_CONFLICT");
        assertThat(stale.body().path("fields").toString()).isEqualTo("[\"title\"]");
        assertThat(stale.body().path("current").path("title").asText()).isEqualTo("Plan the trip to Porto");
        assertThat(stale.body().path("current").path("version").asLong()).isEqualTo(1);
        assertThat(events()).isEqualTo(events);
        JsonNode task = Eventually.task(ada, id, 1);
        assertThat(task.path("title").asText()).isEqualTo("Plan the trip to Porto");
        assertThat(task.path("priority").asText()).isEqualTo("NONE");
    }

    @Test
    void withoutIfMatchTheLastWriterWins() {
        ada.send("PATCH", "/api/tasks/" + id, "{\"title\":\"Porto\"}", "If-Match", "\"0\"");
        assertThat(ada.patch("/api/tasks/" + id, "{\"title\":\"Lisbon\"}").status()).isEqualTo(200);
        assertThat(Eventually.task(ada, id, 2).path("title").asText()).isEqualTo("Lisbon");
    }

    @Test
    void completingMergesWithAnEditButConflictsWithAnotherStatusChange() {
        ada.send("PATCH", "/api/tasks/" + id, "{\"description\":\"by train\"}", "If-Match", "\"0\"");
        assertThat(ada.send("POST", "/api/tasks/" + id + "/complete", null, "If-Match", "\"0\"").status()).isEqualTo(200);

        Response reopen = ada.send("POST", "/api/tasks/" + id + "/reopen", null, "If-Match", "\"1\"");
        assertThat(reopen.status()).isEqualTo(409);
        assertThat(reopen.body().path("fields").toString()).isEqualTo("[\"status\"]");
        assertThat(reopen.body().path("current").path("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void deletingWhatChangedSinceIsAConflict() {
        ada.send("PATCH", "/api/tasks/" + id, "{\"priority\":\"LOW\"}", "If-Match", "\"0\"");
        Response delete = ada.send("DELETE", "/api/tasks/" + id, null, "If-Match", "\"0\"");
        assertThat(delete.status()).isEqualTo(409);
        assertThat(delete.body().path("fields").toString()).isEqualTo("[\"priority\"]");
        assertThat(ada.send("DELETE", "/api/tasks/" + id, null, "If-Match", "W/\"1\"").status()).isEqualTo(200);
    }

    @Test
    void anotherUsersStaleWriteIsANotFoundThatShowsNothing() {
        ada.send("PATCH", "/api/tasks/" + id, "{\"title\":\"Private plans\"}", "If-Match", "\"0\"");
        ApiClient stranger = ApiClient.newUser(port);
        Response refused = stranger.send("PATCH", "/api/tasks/" + id, "{\"title\":\"Mine\"}", "If-Match", "\"0\"");
        Response missing = stranger.send("PATCH", "/api/tasks/" + UUID.randomUUID(), "{\"title\":\"Mine\"}",
                "If-Match", "\"0\"");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.text("code")).isEqualTo(missing.text("code"));
        assertThat(refused.body().has("current")).isFalse();
        assertThat(stranger.get("/api/tasks/" + id).header("ETag")).isNull();
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(id).query(Long.class).single();
    }
}
