package dev.taskstream.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ApiClient.Response;
import dev.taskstream.server.support.Eventually;
import dev.taskstream.server.support.ServerTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** App tokens over HTTP: made with a sign-in, used like one, revoked at once, and nobody else's to touch. */
@ServerTest
class AppTokenTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAppTokenActsAsItsUserUntilRevoked() {
        ApiClient ann = ApiClient.newUser(port);
        Response made = ann.post("/api/auth/tokens", "{\"name\":\"Claude on my laptop\",\"expiresInDays\":30}");
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String secret = made.text("token");
        assertThat(secret).startsWith("tsk_").hasSizeGreaterThan(40);
        assertThat(Duration.between(Instant.parse(made.text("createdAt")), Instant.parse(made.text("expiresAt"))))
                .isEqualTo(Duration.ofDays(30));
        assertThat(jdbc.sql("SELECT count(*) FROM app_token WHERE secret_hash = sha256(convert_to(?, 'UTF8'))")
                .param(secret).query(Long.class).single()).as("kept as a hash").isEqualTo(1);

        ApiClient app = ann.withToken(secret);
        String task = app.post("/api/tasks", "{\"title\":\"Made by an app\"}").text("id");
        assertThat(Eventually.task(ann, task, 0).path("title").asText()).isEqualTo("Made by an app");
        assertThat(app.get("/api/auth/session").text("userId")).isEqualTo(ann.userId());

        Response listed = ann.get("/api/auth/tokens");
        assertThat(listed.body().path("items")).hasSize(1);
        assertThat(listed.body().path("items").get(0).path("name").asText()).isEqualTo("Claude on my laptop");
        assertThat(listed.body().path("items").get(0).has("token")).as("the secret is shown once").isFalse();
        assertThat(listed.body().path("items").get(0).path("lastUsedAt").isNull()).isFalse();

        assertThat(ann.delete("/api/auth/tokens/" + made.text("id")).status()).isEqualTo(204);
        assertThat(app.get("/api/tasks").status()).as("revoked, refused at once").isEqualTo(401);
        assertThat(ann.get("/api/auth/tokens").body().path("items")).isEmpty();
    }

    @Test
    void anAppTokenCannotMakeOrRevokeAppTokens() {
        ApiClient ann = ApiClient.newUser(port);
        Response made = ann.post("/api/auth/tokens", "{\"name\":\"script\"}");
        ApiClient app = ann.withToken(made.text("token"));

        assertProblem(app.post("/api/auth/tokens", "{\"name\":\"another\"}"), 403, null);
        assertProblem(app.delete("/api/auth/tokens/" + made.text("id")), 403, null);
        assertThat(ann.get("/api/auth/tokens").body().path("items")).hasSize(1);
    }

    @Test
    void anotherUsersTokenAnswersLikeAMissingOne() {
        ApiClient ann = ApiClient.newUser(port);
        ApiClient bob = ApiClient.newUser(port);
        Response made = ann.post("/api/auth/tokens", "{\"name\":\"Ann's assistant\"}");

        Response refused = bob.delete("/api/auth/tokens/" + made.text("id"));
        Response missing = bob.delete("/api/auth/tokens/6f1c1d52-4b8e-4c39-9d4a-0f6f5f7c2b11");
        assertProblem(refused, 404, null);
        assertThat(refused.text("code")).isEqualTo("APP_TOKEN_NOT_FOUND").isEqualTo(missing.text("code"));
        assertThat(bob.get("/api/auth/tokens").body().path("items")).isEmpty();
        assertThat(ann.withToken(made.text("token")).get("/api/auth/session").text("userId")).isEqualTo(ann.userId());
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndStoreNothing() {
        ApiClient ann = ApiClient.newUser(port);

        assertProblem(ann.post("/api/auth/tokens", "{}"), 400, "name");
        assertProblem(ann.post("/api/auth/tokens", "{\"name\":\"  \"}"), 400, "name");
        assertProblem(ann.post("/api/auth/tokens", "{\"name\":\"a\\u0000b\"}"), 400, "name");
        assertProblem(ann.post("/api/auth/tokens", "{\"name\":\"" + "x".repeat(101) + "\"}"), 400, "name");
        assertProblem(ann.post("/api/auth/tokens", "{\"name\":\"ok\",\"expiresInDays\":0}"), 400, "expiresInDays");
        assertProblem(ann.post("/api/auth/tokens", "{\"name\":\"ok\",\"expiresInDays\":3651}"), 400, "expiresInDays");
        assertProblem(ann.post("/api/auth/tokens", "{\"name\":\"ok\",\"expiresInDays\":\"ever\"}"), 400, "expiresInDays");
        assertProblem(ann.post("/api/auth/tokens", "{\"name\":\"ok\",\"scope\":\"all\"}"), 400, "scope");
        assertProblem(ann.delete("/api/auth/tokens/42"), 400, "id");
        assertThat(ann.get("/api/auth/tokens").body().path("items")).isEmpty();

        for (int i = 0; i < AppTokens.MAX_PER_USER; i++) {
            assertThat(ann.post("/api/auth/tokens", "{\"name\":\"app " + i + "\"}").status()).isEqualTo(201);
        }
        Response oneTooMany = ann.post("/api/auth/tokens", "{\"name\":\"one too many\"}");
        assertProblem(oneTooMany, 409, null);
        assertThat(oneTooMany.text("code")).isEqualTo("TOO_MANY_APP_TOKENS");
        assertThat(ann.get("/api/auth/tokens").body().path("items")).hasSize(AppTokens.MAX_PER_USER);
    }

    @Test
    void anUnknownOrExpiredAppTokenIsRefusedLikeABadToken() {
        ApiClient ann = ApiClient.newUser(port);
        Response made = ann.post("/api/auth/tokens", "{\"name\":\"short-lived\",\"expiresInDays\":1}");
        ApiClient app = ann.withToken(made.text("token"));
        assertThat(app.get("/api/tasks").status()).isEqualTo(200);

        jdbc.sql("UPDATE app_token SET expires_at = now() - interval '1 second' WHERE token_id = ?::uuid")
                .param(made.text("id")).update();
        assertThat(app.get("/api/tasks").status()).isEqualTo(401);
        assertThat(ann.withToken("tsk_" + "A".repeat(43)).get("/api/tasks").status()).isEqualTo(401);
        assertThat(ann.withToken("tsk_").get("/api/tasks").status()).isEqualTo(401);
    }

    private static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.text("type")).startsWith("urn:taskstream:problem:");
        assertThat(response.text("detail")).isNotBlank();
        if (field != null) {
            assertThat(response.text("field")).as(response.toString()).isEqualTo(field);
        }
    }
}
