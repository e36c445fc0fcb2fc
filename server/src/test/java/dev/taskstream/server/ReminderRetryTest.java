package dev.taskstream.server;

import static dev.taskstream.server.support.Reminders.at;
import static dev.taskstream.server.support.Reminders.notifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.task.FailureHandler.ExponentialBackoffFailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ServerTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reminder whose firing fails once fires a second later, not after db-scheduler's default of five minutes. In
 * production the failure is a firing that loses a race: another process wrote the task first, and the append's
 * version check refuses the firing. Here a trigger refuses the first ReminderFired of one task the same way, so the
 * failure happens every time.
 */
@ServerTest
class ReminderRetryTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void dropTheTrigger() {
        jdbc.sql("DROP TRIGGER IF EXISTS refuse_first_firing ON domain_event_entry").update();
        jdbc.sql("DROP FUNCTION IF EXISTS refuse_first_firing()").update();
        jdbc.sql("DROP SEQUENCE IF EXISTS firing_attempts").update();
    }

    @Test
    void aFiringRefusedOnceByTheEventStoreFiresASecondLater() {
        ApiClient ada = ApiClient.newUser(port);
        Instant fireAt = Instant.now().plusSeconds(2);
        String task = ada.post("/api/tasks", "{\"title\":\"Call the plumber\",\"reminders\":[" + at(fireAt) + "]}")
                .text("id");
        refuseTheFirstFiringOf(task);

        JsonNode notification = notifications(ada, 1, Duration.ofSeconds(20)).get(0);
        assertThat(notification.path("title").asText()).isEqualTo("Call the plumber");
        Duration late = Duration.between(Instant.parse(notification.path("scheduledAt").asText()),
                Instant.parse(notification.path("deliveredAt").asText()));
        assertThat(late).as("one refused firing, then one a second later").isBetween(Duration.ofSeconds(1),
                Duration.ofSeconds(10));
        assertThat(jdbc.sql("SELECT last_value FROM firing_attempts").query(Long.class).single())
                .as("firings tried: the refused one and the one stored").isEqualTo(2);
    }

    /** db-scheduler knows a task by its name; two deadline tasks would leave it to chance which one runs. */
    @Test
    void theDeadlineTaskThatRetriesSoonIsTheOnlyOne(@Autowired List<Task<?>> tasks) {
        assertThat(tasks).filteredOn(task -> task.getName().equals("AxonDeadline")).singleElement()
                .extracting(Task::getFailureHandler).isInstanceOf(ExponentialBackoffFailureHandler.class);
    }

    /** A sequence counts the attempts, since a refused insert rolls back everything else it did. */
    private void refuseTheFirstFiringOf(String task) {
        jdbc.sql("CREATE SEQUENCE firing_attempts").update();
        jdbc.sql("""
                CREATE FUNCTION refuse_first_firing() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF nextval('firing_attempts') = 1 THEN
                    RAISE EXCEPTION 'duplicate key (a write of another process came first)' USING ERRCODE = 'unique_violation';
                  END IF;
                  RETURN NEW;
                END $$""").update();
        jdbc.sql("""
                CREATE TRIGGER refuse_first_firing BEFORE INSERT ON domain_event_entry FOR EACH ROW
                WHEN (NEW.aggregate_identifier = '%s' AND NEW.payload_type LIKE '%%.ReminderFired')
                EXECUTE FUNCTION refuse_first_firing()""".formatted(task)).update();
    }
}
