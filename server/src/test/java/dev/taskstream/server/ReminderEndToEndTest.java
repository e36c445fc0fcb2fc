package dev.taskstream.server;

import static dev.taskstream.server.support.Reminders.at;
import static dev.taskstream.server.support.Reminders.dueAt;
import static dev.taskstream.server.support.Reminders.notifications;
import static dev.taskstream.server.support.Reminders.soon;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ApiClient.Response;
import dev.taskstream.server.support.Eventually;
import dev.taskstream.server.support.ServerTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Reminders over real HTTP: they fire on time, once, follow the task, and land in the notification list. */
@ServerTest
class ReminderEndToEndTest {

    /** Polling is every 250 ms; a firing is a few milliseconds more. A loaded CI machine gets some slack. */
    private static final Duration ON_TIME = Duration.ofMillis(1500);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    private ApiClient user;

    @BeforeEach
    void newUser() {
        user = ApiClient.newUser(port);
    }

    @Test
    void aReminderAFewSecondsAheadIsNotifiedOnTimeAndOnce() {
        Instant fireAt = Instant.now().plusSeconds(3);
        Response created = user.post("/api/tasks", "{\"title\":\"Call the plumber\",\"reminders\":[" + at(fireAt) + "]}");
        String task = created.text("id");

        JsonNode reminder = Eventually.task(user, task, 1).path("reminders").get(0);
        assertThat(reminder.path("id").asText()).isNotBlank();
        assertThat(Instant.parse(reminder.path("fireAt").asText())).isEqualTo(fireAt.truncatedTo(ChronoUnit.MILLIS));

        JsonNode notification = notifications(user, 1, WAIT).get(0);
        assertThat(notification.path("taskId").asText()).isEqualTo(task);
        assertThat(notification.path("title").asText()).isEqualTo("Call the plumber");
        assertThat(notification.path("reminderId").asText()).isEqualTo(reminder.path("id").asText());
        Instant scheduled = Instant.parse(notification.path("scheduledAt").asText());
        Instant delivered = Instant.parse(notification.path("deliveredAt").asText());
        assertThat(scheduled).isEqualTo(fireAt.truncatedTo(ChronoUnit.MILLIS));
        assertThat(Duration.between(scheduled, delivered)).isBetween(Duration.ZERO, ON_TIME);

        sleep(Duration.ofSeconds(2));
        assertThat(user.get("/api/notifications").body().path("items")).hasSize(1);
        assertThat(user.get("/api/notifications").body().path("unreadCount").asLong()).isEqualTo(1);
    }

    @Test
    void movingTheDueDateMovesARelativeReminder() {
        Instant due = Instant.now().plus(Duration.ofHours(2));
        String task = user.post("/api/tasks", "{\"title\":\"Submit the report\",\"due\":" + dueAt(due)
                + ",\"reminders\":[{\"before\":\"PT1H\"}]}").text("id");
        JsonNode before = Eventually.task(user, task, 1).path("reminders").get(0);
        assertThat(Instant.parse(before.path("fireAt").asText()))
                .isEqualTo(due.truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1)));

        Instant newDue = Instant.now().plus(Duration.ofHours(1)).plusSeconds(3);
        long version = user.patch("/api/tasks/" + task, "{\"due\":" + dueAt(newDue) + "}").body().path("version").asLong();
        JsonNode moved = Eventually.task(user, task, version).path("reminders").get(0);
        assertThat(moved.path("id").asText()).isEqualTo(before.path("id").asText());

        JsonNode notification = notifications(user, 1, WAIT).get(0);
        Instant scheduled = Instant.parse(notification.path("scheduledAt").asText());
        assertThat(scheduled).isEqualTo(newDue.truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1)));
        assertThat(Duration.between(scheduled, Instant.parse(notification.path("deliveredAt").asText())))
                .isBetween(Duration.ZERO, ON_TIME);
    }

    @Test
    void completingATaskCancelsItsRemindersAndDeletingDoesToo() {
        Instant soon = Instant.now().plusSeconds(3);
        String completed = user.post("/api/tasks", "{\"title\":\"done early\",\"reminders\":[" + at(soon) + "]}").text("id");
        String deleted = user.post("/api/tasks", "{\"title\":\"not needed\",\"reminders\":[" + at(soon) + "]}").text("id");
        String kept = user.post("/api/tasks", "{\"title\":\"still open\",\"reminders\":[" + at(soon.plusSeconds(1)) + "]}")
                .text("id");
        assertThat(user.post("/api/tasks/" + completed + "/complete").status()).isEqualTo(200);
        assertThat(user.delete("/api/tasks/" + deleted).status()).isEqualTo(200);

        JsonNode only = notifications(user, 1, WAIT).get(0);
        assertThat(only.path("taskId").asText()).isEqualTo(kept);
        sleep(Duration.ofSeconds(1));
        assertThat(user.get("/api/notifications").body().path("items")).hasSize(1);
    }

    @Test
    void aReminderAlreadyPastIsKeptButNeverFires() {
        Instant past = Instant.now().minus(Duration.ofMinutes(5));
        Instant soon = Instant.now().plusSeconds(2);
        String task = user.post("/api/tasks", "{\"title\":\"late\",\"reminders\":[" + at(past) + "," + at(soon) + "]}")
                .text("id");

        assertThat(Eventually.task(user, task, 1).path("reminders")).hasSize(2);
        JsonNode only = notifications(user, 1, WAIT).get(0);
        assertThat(Instant.parse(only.path("scheduledAt").asText())).isEqualTo(soon.truncatedTo(ChronoUnit.MILLIS));
        sleep(Duration.ofSeconds(1));
        assertThat(user.get("/api/notifications").body().path("items")).hasSize(1);
    }

    @Test
    void theNextOccurrenceOfARecurringTaskGetsTheTemplatesReminders() {
        // Daily at a time ten minutes ahead; the reminder counts back so far that it is past for the first
        // occurrence (kept, silent) and a few seconds ahead for the second, due a day later.
        Instant firstDue = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        Instant secondDue = firstDue.plus(Duration.ofDays(1));
        Instant fireAt = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        Duration before = Duration.between(fireAt, secondDue);
        Response created = user.post("/api/tasks", "{\"title\":\"Stand-up\",\"due\":" + dueAt(firstDue)
                + ",\"recurrence\":{\"preset\":\"daily\"},\"reminders\":[{\"before\":\"" + before + "\"}]}");
        assertThat(created.status()).isEqualTo(201);
        String first = created.text("id");
        assertThat(user.post("/api/tasks/" + first + "/complete").status()).isEqualTo(200);

        // The occurrence's creation and its reminders are two events: the list may show the first before the second.
        JsonNode open = org.awaitility.Awaitility.await().atMost(WAIT).until(
                () -> Eventually.items(user, "/api/tasks?status=open", 1).get(0),
                item -> item.path("reminders").size() == 1);
        assertThat(open.path("occurrenceIndex").asInt()).isEqualTo(2);
        assertThat(Instant.parse(open.path("reminders").get(0).path("fireAt").asText())).isEqualTo(fireAt);

        JsonNode notification = notifications(user, 1, WAIT).get(0);
        assertThat(notification.path("taskId").asText()).isEqualTo(open.path("id").asText());
        assertThat(Instant.parse(notification.path("scheduledAt").asText())).isEqualTo(fireAt);
    }

    @Test
    void aSeriesRemindersAreEditedForTheOpenOccurrenceToo() {
        Instant due = Instant.now().plus(Duration.ofDays(2));
        Response created = user.post("/api/tasks", "{\"title\":\"Water plants\",\"due\":" + dueAt(due)
                + ",\"recurrence\":{\"preset\":\"weekly\"},\"reminders\":[{\"before\":\"PT1H\"}]}");
        String task = created.text("id");
        Eventually.task(user, task, 1);

        Response patched = user.patch("/api/series/" + created.text("seriesId"), "{\"reminders\":[{\"before\":\"PT2H\"}]}");
        assertThat(patched.status()).isEqualTo(200);

        JsonNode reminder = org.awaitility.Awaitility.await().atMost(WAIT).until(
                () -> user.get("/api/tasks/" + task).body().path("reminders").get(0),
                r -> r != null && r.path("before").asText().equals("PT2H"));
        assertThat(Instant.parse(reminder.path("fireAt").asText()))
                .isEqualTo(due.truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2)));
    }

    @Test
    void aSnoozedNotificationFiresOnceMore() {
        user.post("/api/tasks", "{\"title\":\"Stretch\",\"reminders\":[" + at(soon()) + "]}");
        JsonNode first = notifications(user, 1, WAIT).get(0);
        String id = first.path("id").asText();

        Response snoozed = user.post("/api/notifications/" + id + "/snooze", "{\"for\":\"PT2S\"}");
        assertThat(snoozed.status()).isEqualTo(200);
        Instant until = Instant.parse(snoozed.text("until"));

        JsonNode again = notifications(user, 2, WAIT).get(0);
        assertThat(again.path("snoozeOf").asText()).isEqualTo(id);
        assertThat(again.path("title").asText()).isEqualTo("Stretch");
        Instant scheduled = Instant.parse(again.path("scheduledAt").asText());
        assertThat(scheduled).isEqualTo(until.truncatedTo(ChronoUnit.MICROS));
        assertThat(Duration.between(scheduled, Instant.parse(again.path("deliveredAt").asText())))
                .isBetween(Duration.ZERO, ON_TIME);
        sleep(Duration.ofSeconds(1));
        assertThat(user.get("/api/notifications").body().path("items")).hasSize(2);
    }

    @Test
    void notificationsAreReadOneByOneOrAllAtOnceAndPagedNewestFirst() {
        Instant soon = soon();
        user.post("/api/tasks", "{\"title\":\"one\",\"reminders\":[" + at(soon) + "," + at(soon.plusMillis(300)) + ","
                + at(soon.plusMillis(600)) + "]}");
        JsonNode all = notifications(user, 3, WAIT);
        assertThat(user.get("/api/notifications").body().path("unreadCount").asLong()).isEqualTo(3);

        JsonNode page1 = user.get("/api/notifications?limit=2").body();
        assertThat(page1.path("items")).hasSize(2);
        JsonNode page2 = user.get("/api/notifications?limit=2&cursor=" + page1.path("nextCursor").asText()).body();
        assertThat(page2.path("items")).hasSize(1);
        assertThat(page2.path("nextCursor").isNull()).isTrue();
        assertThat(page2.path("items").get(0).path("id")).isEqualTo(all.get(2).path("id"));
        assertThat(Instant.parse(all.get(0).path("scheduledAt").asText()))
                .isAfter(Instant.parse(all.get(2).path("scheduledAt").asText()));

        String newest = all.get(0).path("id").asText();
        assertThat(user.post("/api/notifications/" + newest + "/read").status()).isEqualTo(204);
        assertThat(user.post("/api/notifications/" + newest + "/read").status()).isEqualTo(204);
        JsonNode unread = user.get("/api/notifications?unread=true").body();
        assertThat(unread.path("unreadCount").asLong()).isEqualTo(2);
        assertThat(unread.path("items")).hasSize(2);
        assertThat(unread.path("items").findValuesAsText("id")).doesNotContain(newest);

        assertThat(user.post("/api/notifications/read-all").status()).isEqualTo(204);
        JsonNode none = user.get("/api/notifications?unread=true").body();
        assertThat(none.path("unreadCount").asLong()).isZero();
        assertThat(none.path("items")).isEmpty();
        assertThat(user.get("/api/notifications").body().path("items").get(0).path("readAt").isNull()).isFalse();
    }

    @Test
    void anotherUsersNotificationAnswersLikeAMissingOne() {
        user.post("/api/tasks", "{\"title\":\"mine\",\"reminders\":[" + at(soon()) + "]}");
        String mine = notifications(user, 1, WAIT).get(0).path("id").asText();
        ApiClient other = ApiClient.newUser(port);
        String missing = UUID.randomUUID().toString();

        assertThat(other.get("/api/notifications").body().path("items")).isEmpty();
        for (String id : new String[] {mine, missing}) {
            Response read = other.post("/api/notifications/" + id + "/read");
            assertThat(read.status()).isEqualTo(404);
            assertThat(read.text("code")).isEqualTo("NOTIFICATION_NOT_FOUND");
            Response snooze = other.post("/api/notifications/" + id + "/snooze", "{\"for\":\"PT1M\"}");
            assertThat(snooze.status()).isEqualTo(404);
            assertThat(snooze.text("detail")).isEqualTo("Nothing with id " + id + " is yours.");
        }
        assertThat(other.post("/api/notifications/read-all").status()).isEqualTo(204);
        assertThat(user.get("/api/notifications").body().path("unreadCount").asLong()).isEqualTo(1);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
