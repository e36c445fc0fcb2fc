package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ApiClient.Response;
import dev.taskstream.server.support.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input gets a 400 problem that names the field, and leaves no trace in the event store. */
@ServerTest
class BadInputTest {

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
    void aBlankTitleIsRefusedAndNothingIsStored() {
        long eventsBefore = storedEvents();

        Response refused = user.post("/api/tasks", "{\"title\":\"   \"}");

        assertProblem(refused, 400, "title");
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void anOverlongDescriptionIsRefused() {
        String description = "x".repeat(20_001);
        assertProblem(user.post("/api/tasks", "{\"title\":\"ok\",\"description\":\"" + description + "\"}"), 400, "description");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        assertProblem(user.post("/api/tasks", "{\"title\":[1,2]}"), 400, "title");
        assertProblem(user.post("/api/tasks", "{\"id\":\"not-a-uuid\",\"title\":\"ok\"}"), 400, "id");
    }

    @Test
    void anUnknownFieldIsNamedWithTheFieldsThatAreThere() {
        assertProblem(user.post("/api/tasks", "{\"title\":\"ok\",\"colour\":\"red\"}"), "colour",
                "description, due, id, priority, recurrence, reminders, tags, title");
        assertProblem(user.post("/api/tasks", "{\"title\":\"ok\",\"due\":{\"date\":\"2026-12-01\",\"zone\":\"UTC\"}}"),
                "due.zone", "date, time, timeZone");
        assertProblem(user.post("/api/tasks", "{\"title\":\"ok\",\"reminders\":[{\"before\":\"PT5M\",\"when\":1}]}"),
                "reminders[0].when", "before");
    }

    @Test
    void aValueOfTheWrongKindSaysWhatToGive() {
        assertProblem(user.post("/api/tasks", "{\"title\":\"ok\",\"priority\":\"URGENT\"}"), "priority",
                "NONE, LOW, MEDIUM, HIGH");
        assertProblem(user.post("/api/tasks", "{\"title\":\"ok\",\"tags\":[\"home\",{\"name\":\"work\"}]}"), "tags[1]",
                "give a text");
        assertProblem(user.post("/api/tasks", "{\"title\":\"ok\",\"due\":{\"date\":\"01/12/2026\"}}"), "due.date",
                "2026-12-24");
        assertProblem(user.post("/api/tasks", "{\"id\":\"42\",\"title\":\"ok\"}"), "id", "UUID");
        assertProblem(user.post("/api/tasks", "{\"title\":\"ok\",\"recurrence\":{\"preset\":\"daily\",\"every\":\"two\"}}"),
                "recurrence.every", "whole number");
        assertProblem(user.post("/api/tasks", "{\"title\":\"ok\",\"recurrence\":{\"preset\":\"daily\",\"every\":99999999999}}"),
                "recurrence.every", "out of range");
    }

    @Test
    void aBadDueDateNamesTheNestedField() {
        assertProblem(user.post("/api/tasks", "{\"title\":\"ok\",\"due\":{\"date\":\"2026-02-30\",\"timeZone\":\"UTC\"}}"),
                400, "due.date");
        assertProblem(user.post("/api/tasks", "{\"title\":\"ok\",\"due\":{\"date\":\"2026-02-03\",\"time\":\"25:00\",\"timeZone\":\"UTC\"}}"),
                400, "due.time");
        assertProblem(user.post("/api/tasks", "{\"title\":\"ok\",\"due\":{\"date\":\"2026-02-03\",\"timeZone\":\"Europe/Atlantis\"}}"),
                400, "due.timeZone");
        assertProblem(user.post("/api/tasks", "{\"title\":\"ok\",\"due\":{\"timeZone\":\"UTC\"}}"), 400, "due.date");
        assertProblem(user.post("/api/tasks", "{\"title\":\"ok\",\"priority\":\"URGENT\"}"), 400, "priority");
    }

    @Test
    void malformedJsonIsAProblemToo() {
        Response refused = user.post("/api/tasks", "{\"title\":");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("INVALID_FIELD");
    }

    @Test
    void badPathAndQueryValuesAreNamed() {
        assertProblem(user.get("/api/tasks/42"), 400, "id");
        assertProblem(user.post("/api/tasks/42/complete"), 400, "id");
        assertProblem(user.get("/api/tasks?limit=0"), 400, "limit");
        assertProblem(user.get("/api/tasks?limit=201"), 400, "limit");
        assertProblem(user.get("/api/tasks?limit=many"), 400, "limit");
        assertProblem(user.get("/api/tasks?cursor=garbage"), 400, "cursor");
    }

    @Test
    void badHistoryAndAsOfValuesAreNamed() {
        String task = "/api/tasks/6f1c1d52-4b8e-4c39-9d4a-0f6f5f7c2b11";
        assertProblem(user.get("/api/tasks/42/history"), 400, "id");
        assertProblem(user.get("/api/series/42/history"), 400, "id");
        assertProblem(user.get(task + "/history?limit=201"), 400, "limit");
        assertProblem(user.get(task + "/history?limit=1&limit=2"), 400, "limit");
        assertProblem(user.get(task + "/history?cursor=x"), 400, "cursor");
        assertProblem(user.get(task + "/history?colour=red"), 400, "colour");
        assertProblem(user.get(task + "?asOf=%00"), 400, "asOf");
        assertProblem(user.get(task + "?asOf=9999-12-31T23:59:59Z"), 400, "asOf");
        assertThat(user.get(task + "/history").text("code")).isEqualTo("TASK_NOT_FOUND");
    }

    @Test
    void changingATaskThatDoesNotExistIsA404() {
        Response missing = user.post("/api/tasks/6f1c1d52-4b8e-4c39-9d4a-0f6f5f7c2b11/complete");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("code")).isEqualTo("TASK_NOT_FOUND");
    }

    @Test
    void badConcurrencyAndStreamInputIsNamed() {
        String id = user.post("/api/tasks", "{\"title\":\"ok\"}").text("id");
        long eventsBefore = storedEvents();
        assertProblem(user.send("PATCH", "/api/tasks/" + id, "{\"title\":\"new\"}", "If-Match", "3"), 400, "If-Match");
        assertProblem(user.send("POST", "/api/tasks/" + id + "/complete", null, "If-Match", "\"-1\""), 400, "If-Match");
        assertProblem(user.send("DELETE", "/api/tasks/" + id, null, "If-Match", "\"1\", \"2\""), 400, "If-Match");
        assertProblem(user.send("POST", "/api/tasks", "{\"title\":\"ok\"}", "Idempotency-Key", "k".repeat(256)),
                400, "Idempotency-Key");
        assertProblem(user.send("POST", "/api/tasks", "{\"title\":\"ok\"}", "Idempotency-Key", "with space"),
                400, "Idempotency-Key");
        assertThat(storedEvents()).isEqualTo(eventsBefore);

        ApiClient anonymous = ApiClient.anonymous(port);
        assertProblem(anonymous.get("/api/stream?since=1"), 401, "ticket");
        assertProblem(anonymous.get("/api/stream?ticket=x&since=1e3"), 400, "since");
        assertProblem(anonymous.get("/api/stream?ticket=x&since=99999999999999999999"), 400, "since");
        assertProblem(anonymous.get("/api/stream?ticket=x&token=y"), 400, "token");
    }

    @Test
    void badRemindersAreNamedByTheirPlaceInTheListAndNothingIsStored() {
        String id = java.util.UUID.randomUUID().toString();
        String task = "{\"id\":\"" + id + "\",\"title\":\"ok\",";
        String at = "{\"at\":\"2026-12-24T17:30:00+01:00\"}";
        assertProblem(user.post("/api/tasks", task + "\"reminders\":[" + at + ",{\"before\":\"30 minutes\"}]}"),
                400, "reminders[1].before");
        assertProblem(user.post("/api/tasks", task + "\"reminders\":[{\"before\":\"-PT5M\"}]}"), 400,
                "reminders[0].before");
        assertProblem(user.post("/api/tasks", task + "\"reminders\":[{\"before\":\"P400D\"}]}"), 400,
                "reminders[0].before");
        assertProblem(user.post("/api/tasks", task + "\"reminders\":[{\"at\":\"2026-12-24T17:30:00\"}]}"), 400,
                "reminders[0].at");
        assertProblem(user.post("/api/tasks", task + "\"reminders\":[{\"at\":\"1899-12-31T23:00:00Z\"}]}"), 400,
                "reminders[0].at");
        assertProblem(user.post("/api/tasks", task + "\"reminders\":[{\"before\":\"PT1M\",\"at\":\"2026-12-24T17:30:00Z\"}]}"),
                400, "reminders[0]");
        assertProblem(user.post("/api/tasks", task + "\"reminders\":[{}]}"), 400, "reminders[0]");
        assertProblem(user.post("/api/tasks", task + "\"reminders\":[null]}"), 400, "reminders[0]");
        assertProblem(user.post("/api/tasks", task + "\"reminders\":[" + String.join(",", java.util.Collections.nCopies(11, at))
                + "]}"), 400, "reminders");
        assertProblem(user.post("/api/tasks", task + "\"reminders\":[" + at + ",{\"before\":\"PT30M\"}]}"), 400,
                "reminders[1].before");
        assertThat(eventsOf(id)).isZero();

        long version = user.post("/api/tasks", task + "\"reminders\":[" + at + "]}").body().path("version").asLong();
        assertProblem(user.patch("/api/tasks/" + id, "{\"reminders\":[{\"before\":\"PT30M\"}]}"), 400,
                "reminders[0].before");
        assertProblem(user.patch("/api/tasks/" + id, "{\"title\":\"changed\",\"reminders\":[{\"at\":\"tomorrow\"}]}"),
                400, "reminders[0].at");
        assertThat(eventsOf(id)).isEqualTo(version + 1);
    }

    @Test
    void badNotificationRequestsAreNamed() {
        assertProblem(user.get("/api/notifications?limit=0"), 400, "limit");
        assertProblem(user.get("/api/notifications?limit=201"), 400, "limit");
        assertProblem(user.get("/api/notifications?limit=many"), 400, "limit");
        assertProblem(user.get("/api/notifications?unread=maybe"), 400, "unread");
        assertProblem(user.get("/api/notifications?cursor=garbage"), 400, "cursor");
        assertProblem(user.get("/api/notifications?colour=red"), 400, "colour");
        assertProblem(user.post("/api/notifications/42/read"), 400, "id");
        String missing = "/api/notifications/" + java.util.UUID.randomUUID() + "/snooze";
        assertProblem(user.post(missing, "{\"for\":\"soon\"}"), 400, "for");
        assertProblem(user.post(missing, "{\"for\":\"PT0S\"}"), 400, "for");
        assertProblem(user.post(missing, "{\"for\":\"P31D\"}"), 400, "for");
        assertProblem(user.post(missing, "{}"), 400, "for");
        assertProblem(user.post(missing, "{\"for\":\"PT1M\",\"until\":1}"), 400, "until");
        Response notFound = user.post(missing, "{\"for\":\"PT10M\"}");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.text("code")).isEqualTo("NOTIFICATION_NOT_FOUND");
    }

    private long eventsOf(String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(aggregateId)
                .query(Long.class).single();
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    /** A 400 that names {@code field} and says, among other things, {@code saying}. */
    private static void assertProblem(Response response, String field, String saying) {
        assertProblem(response, 400, field);
        assertThat(response.text("detail")).contains(saying);
    }

    private static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.text("field")).isEqualTo(field);
        assertThat(response.text("type")).startsWith("urn:taskstream:problem:");
        assertThat(response.text("detail")).isNotBlank();
    }
}
