package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tasks.Priority;
import dev.taskstream.api.tasks.TaskCreated;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.Eventually;
import dev.taskstream.server.support.ServerTest;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An event that the task view cannot store (here a title with a NUL character, which PostgreSQL refuses, written
 * straight into the event store as an older version could have) is parked in the dead-letter queue, and every
 * other change still shows: one bad event never stops the read side for everyone.
 */
@ServerTest
class PoisonEventTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore events;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEventTheProjectionCannotStoreIsParkedAndTheRestGoOn() {
        ApiClient user = ApiClient.newUser(port);
        TaskId poisoned = TaskId.random();
        UserId owner = new UserId(UUID.randomUUID());
        events.publish(new GenericDomainEventMessage<>("Task", poisoned.toString(), 0,
                new TaskCreated(poisoned, owner, "poison\u0000title", null, null, Priority.NONE, Set.of(), null)));

        String healthy = user.post("/api/tasks", "{\"title\":\"Still shows\"}").text("id");

        assertThat(Eventually.task(user, healthy, 0).path("title").asText()).isEqualTo("Still shows");
        await().atMost(Eventually.BOUND).until(() -> jdbc.sql("""
                SELECT count(*) FROM dead_letter_entry WHERE processing_group = 'task-view' AND sequence_identifier = ?""")
                .param(poisoned.toString()).query(Long.class).single(), parked -> parked == 1);
        assertThat(jdbc.sql("SELECT count(*) FROM task_view WHERE task_id = ?").param(poisoned.value())
                .query(Long.class).single()).isZero();
    }
}
