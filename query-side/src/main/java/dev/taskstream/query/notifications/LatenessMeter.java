package dev.taskstream.query.notifications;

import dev.taskstream.api.UserId;
import dev.taskstream.api.notifications.NotificationView;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * {@code taskstream.reminders.lateness}: from the instant a reminder was due to its stored notification, the figure
 * users judge reminders by. A histogram, so operators can alert on its p99 (under a second on a 2-core machine).
 */
@Component
class LatenessMeter implements NotificationChannel {

    private final Timer lateness;

    LatenessMeter(MeterRegistry registry) {
        this.lateness = Timer.builder("taskstream.reminders.lateness")
                .description("From a reminder's due instant to its stored notification")
                .publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public void deliver(UserId owner, NotificationView notification) {
        lateness.record(Duration.between(notification.scheduledAt(), notification.deliveredAt()));
    }
}
