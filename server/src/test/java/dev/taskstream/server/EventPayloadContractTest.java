package dev.taskstream.server;

import static dev.taskstream.server.support.Reminders.at;
import static dev.taskstream.server.support.Reminders.notifications;
import static dev.taskstream.server.support.Reminders.soon;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ApiClient.Response;
import dev.taskstream.server.support.EventSchemas;
import dev.taskstream.server.support.Eventually;
import dev.taskstream.server.support.ServerTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event payloads that go out on the Kafka topic are the bytes Axon's serializer stored in the event store (the
 * publisher sends the stored payload with its type and revision as headers). A user drives the REST API through
 * every kind of event; then every stored payload must match the committed JSON Schema of its type and revision.
 * {@code ClusterIT} checks the records on a real topic against the same schemas.
 */
@ServerTest
class EventPayloadContractTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void everyStoredEventPayloadMatchesThePublishedSchemaOfItsTypeAndRevision() {
        ApiClient user = ApiClient.newUser(port);
        driveEveryKindOfEvent(user);

        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        JdbcClient.create(dataSource)
                .sql("SELECT payload_type, payload_revision, payload FROM domain_event_entry ORDER BY global_index")
                .query((row, n) -> {
                    String type = row.getString(1);
                    String revision = row.getString(2);
                    String payload = new String(row.getBytes(3), StandardCharsets.UTF_8);
                    seen.add(EventSchemas.file(type, revision));
                    problems.addAll(EventSchemas.problems(type, revision, payload));
                    return type;
                }).list();

        assertThat(problems).isEmpty();
        assertThat(seen).as("the run produced every published event").containsExactlyInAnyOrderElementsOf(EventSchemas.all());
    }

    @Test
    void aPayloadOffTheContractIsCaught_soTheCheckAboveCannotPassByAcceptingEverything() {
        String type = "dev.taskstream.api.tasks.TaskRenamed";
        String valid = "{\"taskId\":\"a573289a-5667-4359-81d9-9adc2c1c9486\",\"title\":\"x\"}";

        assertThat(EventSchemas.problems(type, "1", valid)).isEmpty();
        assertThat(EventSchemas.problems(type, "1", valid.replace("a573289a-", "not-a-uuid-"))).hasSize(1);
        assertThat(EventSchemas.problems(type, "1", valid.replace("}", ",\"colour\":\"red\"}"))).hasSize(1);
        assertThat(EventSchemas.problems(type, "2", valid)).singleElement().asString().contains("no published schema");
    }

    private static void driveEveryKindOfEvent(ApiClient user) {
        // Tags: created, renamed, recoloured, deleted.
        String tag = created(user.post("/api/tags", "{\"name\":\"errands\",\"colour\":\"#ff8800\"}"));
        assertThat(user.patch("/api/tags/" + tag, "{\"name\":\"chores\",\"colour\":\"#00aa00\"}").status()).isEqualTo(200);

        // A task through every field, with a reminder that fires soon and is snoozed.
        String task = created(user.post("/api/tasks", """
                {"title":"Post the letters","description":"two of them","priority":"HIGH","tags":["chores"],
                 "due":{"date":"2026-03-02","time":"09:00","timeZone":"Europe/Berlin"},"reminders":[%s]}"""
                .formatted(at(soon()))));
        assertThat(user.patch("/api/tasks/" + task, """
                {"title":"Post the parcel","description":"one","priority":"LOW","addTags":["home"],
                 "removeTags":["chores"],"due":{"date":"2026-03-03","timeZone":"Europe/Berlin"}}""").status())
                .isEqualTo(200);
        assertThat(user.patch("/api/tasks/" + task, "{\"due\":null}").status()).isEqualTo(200);
        String notification = notifications(user, 1, WAIT).get(0).path("id").asText();
        assertThat(user.post("/api/notifications/" + notification + "/snooze", "{\"for\":\"PT1H\"}").status()).isEqualTo(200);
        assertThat(user.post("/api/tasks/" + task + "/complete").status()).isEqualTo(200);
        assertThat(user.post("/api/tasks/" + task + "/reopen").status()).isEqualTo(200);
        assertThat(user.delete("/api/tasks/" + task).status()).isIn(200, 204);
        assertThat(user.delete("/api/tags/" + tag).status()).isIn(200, 204);

        // A series: template, rule and an occurrence skipped, then stopped; another one that runs out.
        Response recurring = user.post("/api/tasks", """
                {"title":"Water the plants","due":{"date":"2026-03-02","time":"09:00","timeZone":"Europe/Berlin"},
                 "recurrence":{"preset":"daily"},"reminders":[{"before":"PT1H"}]}""");
        assertThat(recurring.status()).as(recurring.toString()).isEqualTo(201);
        String series = recurring.text("seriesId");
        assertThat(user.patch("/api/series/" + series, "{\"title\":\"Water the ferns\",\"recurrence\":{\"preset\":\"weekly\"}}")
                .status()).isEqualTo(200);
        assertThat(user.post("/api/series/" + series + "/skip").status()).isEqualTo(200);
        assertThat(user.post("/api/series/" + series + "/stop").status()).isEqualTo(200);

        Response once = user.post("/api/tasks", """
                {"title":"Renew the passport","due":{"date":"2026-03-02","timeZone":"Europe/Berlin"},
                 "recurrence":{"rule":"FREQ=DAILY;COUNT=1"}}""");
        assertThat(once.status()).as(once.toString()).isEqualTo(201);
        String only = once.text("id");
        Eventually.task(user, only, 0);
        assertThat(user.post("/api/tasks/" + only + "/complete").status()).isEqualTo(200);
        JsonNode finished = org.awaitility.Awaitility.await().atMost(WAIT)
                .until(() -> user.get("/api/series/" + once.text("seriesId")).body(),
                        view -> "FINISHED".equals(view.path("status").asText()));
        assertThat(finished.path("status").asText()).isEqualTo("FINISHED");
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("id");
    }
}
