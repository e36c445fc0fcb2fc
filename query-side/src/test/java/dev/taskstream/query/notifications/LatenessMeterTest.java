package dev.taskstream.query.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.api.ReminderId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.notifications.NotificationView;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatenessMeterTest {

    @Test
    void measuresFromTheDueInstantToTheStoredNotification() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LatenessMeter meter = new LatenessMeter(registry);
        TaskId task = TaskId.random();
        Instant due = Instant.parse("2026-12-24T17:30:00Z");

        meter.deliver(new UserId(UUID.randomUUID()), new NotificationView(UUID.randomUUID(), task,
                ReminderId.nth(task, 1), "Call", due, due.plusMillis(240), null, null));

        Timer lateness = registry.get("taskstream.reminders.lateness").timer();
        assertThat(lateness.count()).isEqualTo(1);
        assertThat(lateness.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(240);
    }
}
