package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ApiClient.Response;
import dev.taskstream.server.support.ServerTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A user's whole day with Taskstream, over real HTTP against the real server and PostgreSQL. */
@ServerTest
class EndToEndTest {

    private static final Duration READ_MODEL_BOUND = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Test
    void aUserCreatesSeesCompletesAndDeletesATask_andNobodyElseCanTouchIt() {
        ApiClient anonymous = ApiClient.anonymous(port);
        String email = "ada-" + UUID.randomUUID() + "@example.org";
        assertThat(anonymous.post("/api/auth/signup", credentials(email)).status()).isEqualTo(201);
        Response login = anonymous.post("/api/auth/login", credentials(email));
        assertThat(login.status()).isEqualTo(200);
        ApiClient ada = anonymous.withToken(login.text("accessToken"));
        ApiClient eve = ApiClient.newUser(port);

        Response created = ada.post("/api/tasks", "{\"title\":\"Water the plants\",\"description\":\"the fern too\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.body().get("version").asLong()).isZero();

        JsonNode listed = awaitTask(ada, id, 0);
        assertThat(listed.get("title").asText()).isEqualTo("Water the plants");
        assertThat(listed.get("description").asText()).isEqualTo("the fern too");
        assertThat(listed.get("status").asText()).isEqualTo("OPEN");

        assertThat(eve.get("/api/tasks/" + id).status()).isEqualTo(404);
        assertThat(eve.get("/api/tasks").body().get("items")).isEmpty();
        assertThat(eve.post("/api/tasks/" + id + "/complete").status()).isEqualTo(404);
        assertThat(eve.patch("/api/tasks/" + id, "{\"title\":\"Mine\"}").status()).isEqualTo(404);
        assertThat(eve.delete("/api/tasks/" + id).status()).isEqualTo(404);

        Response completed = ada.post("/api/tasks/" + id + "/complete");
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.body().get("version").asLong()).isEqualTo(1);
        JsonNode done = awaitTask(ada, id, 1);
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("completedAt").isNull()).isFalse();
        assertThat(ada.get("/api/tasks/" + id).body().get("title").asText()).isEqualTo("Water the plants");

        assertThat(ada.delete("/api/tasks/" + id).status()).isEqualTo(200);
        await().atMost(READ_MODEL_BOUND).until(() -> ada.get("/api/tasks/" + id).status() == 404);
        assertThat(ada.get("/api/tasks").body().get("items")).isEmpty();
        assertThat(ada.post("/api/tasks/" + id + "/reopen").status()).isEqualTo(404);
    }

    @Test
    void anUpdateChangesTitleAndDescriptionAtOnce() {
        ApiClient user = ApiClient.newUser(port);
        String id = user.post("/api/tasks", "{\"title\":\"Draft\"}").text("id");

        Response updated = user.patch("/api/tasks/" + id, "{\"title\":\"Final\",\"description\":\"for Monday\"}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("version").asLong()).isEqualTo(2);
        JsonNode view = awaitTask(user, id, 2);
        assertThat(view.get("title").asText()).isEqualTo("Final");
        assertThat(view.get("description").asText()).isEqualTo("for Monday");
    }

    @Test
    void aDueDateIsKeptInTheUsersZoneMovedAndClearedWithANull() {
        ApiClient user = ApiClient.newUser(port);
        String id = user.post("/api/tasks", "{\"title\":\"Call Berlin\",\"priority\":\"HIGH\","
                + "\"due\":{\"date\":\"2026-03-29\",\"time\":\"09:00\",\"timeZone\":\"Europe/Berlin\"}}").text("id");

        JsonNode view = awaitTask(user, id, 0);
        assertThat(view.get("due").get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(view.get("dueAt").asText()).as("summer time began that night").isEqualTo("2026-03-29T07:00:00Z");
        assertThat(view.get("priority").asText()).isEqualTo("HIGH");

        user.patch("/api/tasks/" + id, "{\"due\":{\"date\":\"2026-03-30\",\"timeZone\":\"Europe/Berlin\"}}");
        JsonNode allDay = awaitTask(user, id, 1);
        assertThat(allDay.get("due").get("time").isNull()).isTrue();
        assertThat(allDay.get("dueAt").asText()).as("end of that day").isEqualTo("2026-03-30T22:00:00Z");

        user.patch("/api/tasks/" + id, "{\"title\":\"Call Berlin again\"}");
        assertThat(awaitTask(user, id, 2).get("due").isNull()).as("absent field left alone").isFalse();

        user.patch("/api/tasks/" + id, "{\"due\":null}");
        assertThat(awaitTask(user, id, 3).get("due").isNull()).isTrue();
    }

    @Test
    void anEmptyDescriptionClearsIt() {
        ApiClient user = ApiClient.newUser(port);
        String id = user.post("/api/tasks", "{\"title\":\"Draft\",\"description\":\"for Monday\"}").text("id");

        assertThat(user.patch("/api/tasks/" + id, "{\"description\":\"\"}").status()).isEqualTo(200);

        assertThat(awaitTask(user, id, 1).get("description").isNull()).isTrue();
    }

    @Test
    void aClientChosenIdIsKeptAndCannotBeTakenTwice() {
        ApiClient user = ApiClient.newUser(port);
        String id = UUID.randomUUID().toString();

        Response created = user.post("/api/tasks", "{\"id\":\"" + id + "\",\"title\":\"Mine\"}");
        Response again = ApiClient.newUser(port).post("/api/tasks", "{\"id\":\"" + id + "\",\"title\":\"Theirs\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("id")).isEqualTo(id);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("CONFLICT");
        assertThat(again.text("field")).isEqualTo("id");
        assertThat(awaitTask(user, id, 0).get("title").asText()).isEqualTo("Mine");
    }

    @Test
    void theListIsNewestFirstAndPagesWithACursorWithoutGapsOrRepeats() {
        ApiClient user = ApiClient.newUser(port);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(0, user.post("/api/tasks", "{\"title\":\"Task " + i + "\"}").text("id"));
        }
        await().atMost(READ_MODEL_BOUND).until(() -> user.get("/api/tasks?limit=200").body().get("items").size() == 7);

        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            Response page = user.get("/api/tasks?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.body().get("items").forEach(item -> walked.add(item.get("id").asText()));
            cursor = page.body().get("nextCursor").isNull() ? null : page.text("nextCursor");
        } while (cursor != null);

        assertThat(walked).containsExactlyElementsOf(created);
    }

    private static JsonNode awaitTask(ApiClient user, String id, long version) {
        return await().atMost(READ_MODEL_BOUND)
                .until(() -> user.get("/api/tasks/" + id).body(),
                        view -> view.path("version").asLong(-1) >= version);
    }

    private static String credentials(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"correct horse battery staple\"}";
    }
}
