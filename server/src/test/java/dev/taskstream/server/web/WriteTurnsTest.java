package dev.taskstream.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ServerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Writes over HTTP take turns: with every turn taken a write waits, then is refused with a 503 that stores nothing
 * and leaves its Idempotency-Key unused, while reads are answered; a user with all their writes under way is refused
 * at once (429), and other users are not.
 */
@ServerTest(properties = {"taskstream.http.writes.least-per-core=2", "taskstream.http.writes.most-per-core=2",
        "taskstream.http.writes.per-user=1", "taskstream.http.writes.patience=300ms",
        "taskstream.admin.emails=" + WriteTurnsTest.OPERATOR})
class WriteTurnsTest {

    static final String OPERATOR = "write-turns-operator@example.org";

    private static final int TURNS = 2 * Runtime.getRuntime().availableProcessors();

    @LocalServerPort
    int port;

    @Autowired
    WriteAdmission admission;

    /** Signed in before any load: metrics are for admins. */
    private ApiClient operator;

    @BeforeEach
    void signInTheOperator() {
        operator = ApiClient.user(port, OPERATOR);
    }

    @Test
    void aWriteThatFindsNoTurnIsRefusedWithNothingStoredWhileReadsGoOn() throws InterruptedException {
        ApiClient user = ApiClient.newUser(port);
        String key = UUID.randomUUID().toString();
        String task = "{\"id\":\"" + UUID.randomUUID() + "\",\"title\":\"Waits for its turn\"}";

        List<WriteAdmission.Turn> everyTurn = new ArrayList<>();
        try {
            for (int i = 0; i < TURNS; i++) {
                everyTurn.add(admission.admit(UUID.randomUUID()));
            }
            ApiClient.Response refused = user.send("POST", "/api/tasks", task, "Idempotency-Key", key);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.text("code")).isEqualTo("SERVER_BUSY");
            assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(user.get("/api/tasks").status()).isEqualTo(200);
            assertThat(refusalsCounted("SERVER_BUSY")).isPositive();
        } finally {
            everyTurn.forEach(WriteAdmission.Turn::close);
        }

        // The same id and key again: stored before, it would be 409 (id taken) or the first answer replayed.
        ApiClient.Response created = user.send("POST", "/api/tasks", task, "Idempotency-Key", key);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aUserWithAllTheirWritesUnderWayIsRefusedAtOnceAndOthersAreNot() throws InterruptedException {
        ApiClient alice = ApiClient.newUser(port);
        ApiClient bob = ApiClient.newUser(port);

        String key = UUID.randomUUID().toString();
        String task = "{\"title\":\"One too many\"}";

        try (WriteAdmission.Turn alicesWrite = admission.admit(UUID.fromString(alice.userId()))) {
            ApiClient.Response refused = alice.send("POST", "/api/tasks", task, "Idempotency-Key", key);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.text("code")).isEqualTo("TOO_MANY_WRITES");
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(bob.post("/api/tasks", "{\"title\":\"Bob's\"}").status()).isEqualTo(201);
            assertThat(refusalsCounted("TOO_MANY_WRITES")).isPositive();
        }

        // Had the Idempotency-Key filter seen the refusal, it would answer this retry with the same 429.
        ApiClient.Response retried = alice.send("POST", "/api/tasks", task, "Idempotency-Key", key);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
    }

    /** What an operator sees in {@code /actuator/metrics}. */
    private double refusalsCounted(String code) {
        ApiClient.Response meter = operator.get("/actuator/metrics/taskstream.writes.refused?tag=code:" + code);
        assertThat(meter.status()).isEqualTo(200);
        return meter.body().path("measurements").path(0).path("value").asDouble();
    }
}
