package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ApiClient.Response;
import dev.taskstream.server.support.Eventually;
import dev.taskstream.server.support.OpenApiDocument;
import dev.taskstream.server.support.ServerTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI document is the contract between the server and the web UI, whose types are generated from the
 * committed copy in {@code ui/openapi/}. These tests keep that copy equal to what the server serves, and real
 * answers (successes and problems) equal to what the document says.
 */
@ServerTest
class OpenApiContractTest {

    /** The UI build generates its API types from this file; the server test run writes it with -Dopenapi.write. */
    static final Path SNAPSHOT = Path.of("..", "ui", "openapi", "taskstream.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @LocalServerPort
    int port;

    private OpenApiDocument contract;
    private final List<String> violations = new ArrayList<>();

    @BeforeEach
    void readTheDocument() {
        contract = new OpenApiDocument(served());
    }

    @Test
    void theUiIsBuiltFromTheDocumentTheServerServes() throws IOException {
        JsonNode served = served();
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, JSON.writeValueAsString(served) + "\n");
        }
        JsonNode committed = JSON.readTree(SNAPSHOT.toFile());
        assertThat(committed)
                .as("ui/openapi/taskstream.json differs from /v3/api-docs: the API changed. Refresh it with "
                        + "./mvnw -pl server -am verify -Dtest=OpenApiContractTest -Dsurefire.failIfNoSpecifiedTests=false "
                        + "-Dopenapi.write=true, and commit it (the UI's types follow it)")
                .isEqualTo(served);
    }

    @Test
    void taskAnswersConformToTheDocument() {
        ApiClient anonymous = ApiClient.anonymous(port);
        String email = "contract-" + UUID.randomUUID() + "@example.org";
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"correct horse battery staple\"}";
        Response signup = check("post", "/api/auth/signup", anonymous.post("/api/auth/signup", credentials), 201);
        check("post", "/api/auth/login", anonymous.post("/api/auth/login", credentials), 200);
        ApiClient user = anonymous.withToken(signup.text("accessToken"));
        check("get", "/api/auth/session", user.get("/api/auth/session"), 200);

        String id = check("post", "/api/tasks", user.post("/api/tasks", """
                {"title":"Wrap presents","description":"all of them","priority":"HIGH","tags":["home"],
                 "due":{"date":"2026-12-24","time":"18:00","timeZone":"Europe/Berlin"}}"""), 201).text("id");
        check("post", "/api/tasks", user.post("/api/tasks", "{\"title\":\"Bare\"}"), 201);
        Eventually.task(user, id, 0);
        check("get", "/api/tasks/{id}", user.get("/api/tasks/" + id), 200);
        check("patch", "/api/tasks/{id}", user.patch("/api/tasks/" + id, "{\"description\":\"\",\"due\":null}"), 200);
        Eventually.task(user, id, 1);
        check("get", "/api/tasks/{id}", user.get("/api/tasks/" + id), 200);
        check("get", "/api/tasks", user.get("/api/tasks?count=true&limit=1"), 200);
        check("get", "/api/tasks", user.get("/api/tasks?q=wrap&tag=home&priority=HIGH,LOW&sort=due,-priority"), 200);
        check("post", "/api/tasks/{id}/complete", user.post("/api/tasks/" + id + "/complete"), 200);
        check("post", "/api/tasks/{id}/reopen", user.post("/api/tasks/" + id + "/reopen"), 200);
        check("delete", "/api/tasks/{id}", user.delete("/api/tasks/" + id), 200);

        check("post", "/api/tasks", user.post("/api/tasks", "{\"title\":\"  \"}"), 400);
        check("post", "/api/tasks", user.post("/api/tasks", "{\"title\":\"x\",\"colour\":1}"), 400);
        check("get", "/api/tasks", user.get("/api/tasks?bogus=1"), 400);
        check("get", "/api/tasks/{id}", user.get("/api/tasks/" + UUID.randomUUID()), 404);
        check("post", "/api/tasks/{id}/complete", user.post("/api/tasks/" + id + "/complete"), 404);
        check("get", "/api/tasks", anonymous.get("/api/tasks"), 401);
        check("post", "/api/auth/login", anonymous.post("/api/auth/login", credentials.replace("staple", "stapler")), 401);

        assertThat(violations).isEmpty();
    }

    @Test
    void seriesAndTagAnswersConformToTheDocument() {
        ApiClient user = ApiClient.newUser(port);
        Response created = check("post", "/api/tasks", user.post("/api/tasks", """
                {"title":"Stand-up","due":{"date":"2026-03-02","time":"09:00","timeZone":"Europe/Berlin"},
                 "recurrence":{"rule":"FREQ=WEEKLY;BYDAY=MO"}}"""), 201);
        String series = created.text("seriesId");
        await(() -> user.get("/api/series/" + series).status() == 200);
        check("get", "/api/series/{id}", user.get("/api/series/" + series), 200);
        check("get", "/api/series", user.get("/api/series"), 200);
        check("get", "/api/series", user.get("/api/series?status=ACTIVE"), 200);
        check("patch", "/api/series/{id}", user.patch("/api/series/" + series, "{\"recurrence\":{\"preset\":\"weekly\"}}"), 200);
        check("post", "/api/series/{id}/skip", user.post("/api/series/" + series + "/skip"), 200);
        check("post", "/api/series/{id}/stop", user.post("/api/series/" + series + "/stop"), 200);
        check("get", "/api/series/{id}", user.get("/api/series/" + UUID.randomUUID()), 404);
        check("get", "/api/series", user.get("/api/series?status=SLEEPING"), 400);
        check("get", "/api/recurrence/preview",
                user.get("/api/recurrence/preview?rule=FREQ%3DDAILY&start=2026-03-28T09:00&tz=Europe/Berlin&count=3"), 200);
        check("get", "/api/recurrence/preview",
                user.get("/api/recurrence/preview?rule=FREQ%3DSOMETIMES&start=2026-03-28T09:00&tz=Europe/Berlin"), 400);

        String tag = check("post", "/api/tags", user.post("/api/tags", "{\"name\":\"work\",\"colour\":\"#3366ff\"}"), 201)
                .text("id");
        check("post", "/api/tags", user.post("/api/tags", "{\"name\":\"WORK\"}"), 409);
        check("patch", "/api/tags/{id}", user.patch("/api/tags/" + tag, "{\"name\":\"office\"}"), 200);
        await(() -> user.get("/api/tags").body().size() == 1);
        check("get", "/api/tags", user.get("/api/tags"), 200);
        check("delete", "/api/tags/{id}", user.delete("/api/tags/" + tag), 204);
        check("post", "/api/auth/logout", user.post("/api/auth/logout"), 204);

        assertThat(violations).isEmpty();
    }

    private JsonNode served() {
        Response document = ApiClient.anonymous(port).get("/v3/api-docs");
        assertThat(document.status()).isEqualTo(200);
        return document.body();
    }

    private Response check(String method, String path, Response response, int expectedStatus) {
        assertThat(response.status()).as(method + " " + path + ": " + response).isEqualTo(expectedStatus);
        violations.addAll(contract.violations(method, path, response));
        return response;
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Eventually.BOUND).until(condition);
    }
}
