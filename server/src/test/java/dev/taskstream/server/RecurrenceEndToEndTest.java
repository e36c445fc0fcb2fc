package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskstream.api.SeriesId;
import dev.taskstream.api.TaskId;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ApiClient.Response;
import dev.taskstream.server.support.Occurrences;
import dev.taskstream.server.support.ServerTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Recurring tasks over real HTTP: occurrences come one at a time, exactly once, as the series says. */
@ServerTest
class RecurrenceEndToEndTest {

    private static final Duration BOUND = Occurrences.BOUND;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient user;

    @BeforeEach
    void newUser() {
        user = ApiClient.newUser(port);
    }

    @Test
    void aDailyTaskComesBackOnceWhenCompleted_evenWhenCompletedTwice_atNineBerlinTimeAcrossDst() {
        Response created = user.post("/api/tasks", """
                {"title":"Water the plants","due":{"date":"2026-03-28","time":"09:00","timeZone":"Europe/Berlin"},
                 "recurrence":{"preset":"daily"}}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().get("version").asLong()).isZero();
        String first = created.text("id");
        String series = created.text("seriesId");
        JsonNode firstView = awaitTask(first);
        assertThat(firstView.get("seriesId").asText()).isEqualTo(series);
        assertThat(firstView.get("occurrenceIndex").asInt()).isEqualTo(1);

        assertThat(user.post("/api/tasks/" + first + "/complete").status()).isEqualTo(200);
        List<JsonNode> afterOne = Occurrences.awaitIndex(user, series, 2);
        assertThat(Occurrences.indices(afterOne)).containsExactly(1, 2);
        JsonNode second = afterOne.get(1);
        assertThat(second.get("title").asText()).isEqualTo("Water the plants");
        assertThat(second.get("status").asText()).isEqualTo("OPEN");
        assertThat(LocalDate.parse(second.at("/due/date").asText())).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(LocalTime.parse(second.at("/due/time").asText())).isEqualTo(LocalTime.of(9, 0));
        assertThat(Instant.parse(second.get("dueAt").asText())).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));

        Response again = user.post("/api/tasks/" + first + "/complete");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("version").asLong()).isEqualTo(1);
        assertThat(user.post("/api/tasks/" + second.get("id").asText() + "/complete").status()).isEqualTo(200);

        List<JsonNode> afterTwo = Occurrences.awaitIndex(user, series, 3);
        assertThat(Occurrences.indices(afterTwo)).as("one task per occurrence, whatever was sent twice").containsExactly(1, 2, 3);
        assertThat(afterTwo.get(2).at("/due/date").asText()).isEqualTo("2026-03-30");

        JsonNode view = awaitSeries(series, seriesView -> seriesView.path("occurrenceCount").asInt() == 3);
        assertThat(view.get("rule").asText()).isEqualTo("FREQ=DAILY");
        assertThat(view.get("mode").asText()).isEqualTo("FIXED");
        assertThat(view.get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(view.at("/nextDue/date").asText()).isEqualTo("2026-03-30");
        assertThat(view.get("nextTaskId").asText()).isEqualTo(afterTwo.get(2).get("id").asText());
        assertThat(view.get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void theSeriesCanBeSkippedEditedRescheduledAndStopped_byItsOwnerOnly() {
        Response created = user.post("/api/tasks", """
                {"title":"Stand-up","due":{"date":"2026-03-02","time":"08:30","timeZone":"Europe/Berlin"},
                 "priority":"HIGH","recurrence":{"rule":"FREQ=WEEKLY;BYDAY=MO"}}""");
        String first = created.text("id");
        String series = created.text("seriesId");
        awaitTask(first);
        ApiClient stranger = ApiClient.newUser(port);
        assertThat(stranger.get("/api/series/" + series).status()).isEqualTo(404);
        for (Response refused : List.of(stranger.post("/api/series/" + series + "/skip"),
                stranger.post("/api/series/" + series + "/stop"),
                stranger.patch("/api/series/" + series, "{\"title\":\"Mine\"}"))) {
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.text("code")).isEqualTo("SERIES_NOT_FOUND");
        }

        assertThat(user.post("/api/series/" + series + "/skip").status()).isEqualTo(200);
        await().atMost(BOUND).until(() -> user.get("/api/tasks/" + first).status() == 404);
        JsonNode second = Occurrences.awaitIndex(user, series, 2).get(0);
        assertThat(second.at("/due/date").asText()).isEqualTo("2026-03-09");

        Response edited = user.patch("/api/series/" + series,
                "{\"title\":\"Weekly stand-up\",\"recurrence\":{\"rule\":\"FREQ=WEEKLY;BYDAY=TU\"}}");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        String secondId = second.get("id").asText();
        await().atMost(BOUND).until(() -> user.get("/api/tasks/" + secondId).text("title").equals("Weekly stand-up"));
        assertThat(user.get("/api/tasks/" + secondId).text("priority")).isEqualTo("HIGH");

        assertThat(user.post("/api/tasks/" + secondId + "/complete").status()).isEqualTo(200);
        JsonNode third = Occurrences.awaitIndex(user, series, 3).get(1);
        assertThat(third.at("/due/date").asText()).as("the first Tuesday after the Monday it follows").isEqualTo("2026-03-10");
        assertThat(third.get("title").asText()).isEqualTo("Weekly stand-up");

        assertThat(user.post("/api/series/" + series + "/stop").status()).isEqualTo(200);
        JsonNode stopped = awaitSeries(series, view -> view.path("status").asText().equals("STOPPED"));
        assertThat(stopped.get("rule").asText()).isEqualTo("FREQ=WEEKLY;BYDAY=TU");
        assertThat(stopped.get("title").asText()).isEqualTo("Weekly stand-up");
        assertThat(user.post("/api/series/" + series + "/skip").text("code")).isEqualTo("SERIES_ENDED");
        assertThat(user.post("/api/series/" + series + "/stop").status()).as("stopping again is a no-op").isEqualTo(200);

        assertThat(user.post("/api/tasks/" + third.get("id").asText() + "/complete").status()).isEqualTo(200);
        await().during(Duration.ofSeconds(2)).atMost(BOUND)
                .until(() -> Occurrences.indices(Occurrences.of(user, series)).equals(List.of(2, 3)));
    }

    @Test
    void afterCompletionTheNextIsDueTheIntervalAfterTheDayItWasDone() {
        String zone = "America/New_York";
        Response created = user.post("/api/tasks", """
                {"title":"Descale the kettle","due":{"date":"2026-01-05","time":"18:00","timeZone":"America/New_York"},
                 "recurrence":{"preset":"daily","every":3,"mode":"AFTER_COMPLETION"}}""");
        String first = created.text("id");
        String series = created.text("seriesId");
        awaitTask(first);

        user.post("/api/tasks/" + first + "/complete");

        JsonNode done = awaitTask(first, 1);
        LocalDate doneOn = Instant.parse(done.get("completedAt").asText()).atZone(ZoneId.of(zone)).toLocalDate();
        JsonNode second = Occurrences.awaitIndex(user, series, 2).get(1);
        assertThat(LocalDate.parse(second.at("/due/date").asText())).isEqualTo(doneOn.plusDays(3));
        assertThat(LocalTime.parse(second.at("/due/time").asText())).isEqualTo(LocalTime.of(18, 0));
        JsonNode view = awaitSeries(series, v -> v.path("occurrenceCount").asInt() == 2);
        assertThat(view.get("rule").asText()).isEqualTo("FREQ=DAILY;INTERVAL=3");
        assertThat(view.get("mode").asText()).isEqualTo("AFTER_COMPLETION");
    }

    @Test
    void badRecurrencesAreRefusedNamingTheField_andNothingIsStored() {
        long eventsBefore = storedEvents();
        String due = "\"due\":{\"date\":\"2026-03-02\",\"time\":\"09:00\",\"timeZone\":\"Europe/Berlin\"}";

        assertProblem(user.post("/api/tasks", "{\"title\":\"x\",\"recurrence\":{\"preset\":\"daily\"}}"), 400, "due");
        Response badPart = user.post("/api/tasks", "{\"title\":\"x\"," + due + ",\"recurrence\":{\"rule\":\"FREQ=WEEKLY;BYDAY=MO,XX\"}}");
        assertProblem(badPart, 400, "recurrence.rule");
        assertThat(badPart.text("detail")).contains("BYDAY");
        assertProblem(user.post("/api/tasks", "{\"title\":\"x\"," + due + ",\"recurrence\":{\"rule\":\"FREQ=DAILY\",\"preset\":\"daily\"}}"),
                400, "recurrence.preset");
        assertProblem(user.post("/api/tasks", "{\"title\":\"x\"," + due + ",\"recurrence\":{\"preset\":\"fortnightly\"}}"),
                400, "recurrence.preset");
        assertProblem(user.post("/api/tasks", "{\"title\":\"x\"," + due + ",\"recurrence\":{\"preset\":\"daily\",\"every\":0}}"),
                400, "recurrence.every");
        assertProblem(user.post("/api/tasks", "{\"title\":\"x\"," + due + ",\"recurrence\":{\"preset\":\"weekdays\",\"mode\":\"AFTER_COMPLETION\"}}"),
                400, "recurrence.mode");
        assertProblem(user.post("/api/tasks", "{\"title\":\"x\"," + due + ",\"recurrence\":{\"preset\":\"daily\",\"mode\":\"SOMETIMES\"}}"),
                400, "recurrence.mode");
        assertProblem(user.post("/api/tasks", "{\"title\":\" \"," + due + ",\"recurrence\":{\"preset\":\"daily\"}}"), 400, "title");
        assertThat(storedEvents()).isEqualTo(eventsBefore);

        assertProblem(user.get("/api/series/42"), 400, "id");
        assertProblem(user.post("/api/series/42/stop"), 400, "id");
        Response missing = user.post("/api/series/6f1c1d52-4b8e-4c39-9d4a-0f6f5f7c2b11/skip");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("code")).isEqualTo("SERIES_NOT_FOUND");
    }

    @Test
    void seriesAndTaskIdsAreNotInterchangeable() {
        Response created = user.post("/api/tasks", """
                {"title":"Stretch","due":{"date":"2026-03-02","timeZone":"Europe/Berlin"},"recurrence":{"preset":"daily"}}""");
        String task = created.text("id");
        String series = created.text("seriesId");
        awaitSeries(series, view -> view.path("occurrenceCount").asInt() == 1);

        Response notATask = user.post("/api/tasks/" + series + "/complete");
        assertThat(notATask.status()).isEqualTo(404);
        assertThat(notATask.text("code")).isEqualTo("TASK_NOT_FOUND");
        Response notASeries = user.post("/api/series/" + task + "/stop");
        assertThat(notASeries.status()).isEqualTo(404);
        assertThat(notASeries.text("code")).isEqualTo("SERIES_NOT_FOUND");
        assertProblem(user.patch("/api/series/" + series, "{\"recurrence\":{\"rule\":\"FREQ=DAILY;BYSETPOS=1\"}}"),
                400, "recurrence.rule");
    }

    @Test
    void aTakenIdIsRefused_andNoSeriesIsLeftBehind() {
        String taken = user.post("/api/tasks", "{\"title\":\"Plain\"}").text("id");
        awaitTask(taken);

        Response refused = user.post("/api/tasks", "{\"id\":\"" + taken + "\",\"title\":\"Again\","
                + "\"due\":{\"date\":\"2026-03-02\",\"timeZone\":\"UTC\"},\"recurrence\":{\"preset\":\"daily\"}}");

        assertProblem(refused, 409, "id");
        long eventsAfterRefusal = storedEvents();
        String wouldBeSeries = SeriesId.startedBy(TaskId.of(taken)).toString();
        assertThat(user.get("/api/series/" + wouldBeSeries).status()).isEqualTo(404);
        assertThat(user.get("/api/tasks/" + taken).text("title")).isEqualTo("Plain");
        assertThat(storedEvents()).isEqualTo(eventsAfterRefusal);
    }

    private JsonNode awaitTask(String id) {
        return awaitTask(id, 0);
    }

    private JsonNode awaitTask(String id, long version) {
        return await().atMost(BOUND).until(() -> user.get("/api/tasks/" + id).body(),
                view -> view.path("version").asLong(-1) >= version);
    }

    private JsonNode awaitSeries(String id, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(BOUND).until(() -> user.get("/api/series/" + id).body(), condition::test);
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    private static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.text("field")).as(response.toString()).isEqualTo(field);
        assertThat(response.text("type")).startsWith("urn:taskstream:problem:");
        assertThat(response.text("detail")).isNotBlank();
    }
}
