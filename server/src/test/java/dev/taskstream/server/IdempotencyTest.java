package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;

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

/** A retried write with the same Idempotency-Key gets the first answer and changes nothing. */
@ServerTest
class IdempotencyTest {

    private static final String CREATE = "{\"title\":\"Renew passport\"}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient ada;
    private String key;

    @BeforeEach
    void newUserAndKey() {
        ada = ApiClient.newUser(port);
        key = UUID.randomUUID().toString();
    }

    @Test
    void aRetriedCreateMakesOneTaskAndGetsTheFirstAnswer() {
        Response first = ada.send("POST", "/api/tasks", CREATE, "Idempotency-Key", key);
        Response retry = ada.send("POST", "/api/tasks", CREATE, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo("\"0\"");
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        Eventually.items(ada, "/api/tasks", 1);
        assertThat(eventsOf(first.text("id"))).isEqualTo(1);
    }

    @Test
    void aRetriedUpdateChangesNothing() {
        String id = ada.post("/api/tasks", CREATE).text("id");
        Response first = ada.send("PATCH", "/api/tasks/" + id, "{\"title\":\"Renew both passports\"}", "Idempotency-Key", key);
        ada.patch("/api/tasks/" + id, "{\"title\":\"Renew passport, then visa\"}");
        Response retry = ada.send("PATCH", "/api/tasks/" + id, "{\"title\":\"Renew both passports\"}", "Idempotency-Key", key);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(Eventually.task(ada, id, 2).path("title").asText()).isEqualTo("Renew passport, then visa");
        assertThat(eventsOf(id)).isEqualTo(3);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedNamingTheHeader() {
        ada.send("POST", "/api/tasks", CREATE, "Idempotency-Key", key);
        Response other = ada.send("POST", "/api/tasks", "{\"title\":\"Something else\"}", "Idempotency-Key", key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.text("code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(other.text("field")).isEqualTo("Idempotency-Key");
        Eventually.items(ada, "/api/tasks", 1);
    }

    @Test
    void keysBelongToTheirUser() {
        ApiClient bob = ApiClient.newUser(port);
        Response adas = ada.send("POST", "/api/tasks", CREATE, "Idempotency-Key", key);
        Response bobs = bob.send("POST", "/api/tasks", CREATE, "Idempotency-Key", key);
        assertThat(bobs.status()).isEqualTo(201);
        assertThat(bobs.text("id")).isNotEqualTo(adas.text("id"));
        assertThat(bobs.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aRefusalIsTheFirstAnswerToo() {
        Response first = ada.send("POST", "/api/tasks", "{\"title\":\" \"}", "Idempotency-Key", key);
        Response retry = ada.send("POST", "/api/tasks", "{\"title\":\" \"}", "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(400);
        assertThat(retry.status()).isEqualTo(400);
        assertThat(retry.body()).isEqualTo(first.body());
    }

    private long eventsOf(String id) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(id).query(Long.class).single();
    }
}
