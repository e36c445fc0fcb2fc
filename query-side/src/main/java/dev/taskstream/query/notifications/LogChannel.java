package dev.taskstream.query.notifications;

import dev.taskstream.api.UserId;
import dev.taskstream.api.notifications.NotificationView;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** One key=value line per notification, for operators: who, which task and reminder, and how late. */
@Component
class LogChannel implements NotificationChannel {

    private static final Logger LOG = LoggerFactory.getLogger("taskstream.notifications");

    @Override
    public void deliver(UserId owner, NotificationView notification) {
        LOG.info("notification delivered id={} user={} task={} reminder={} scheduledAt={} deliveredAt={} lateMs={}",
                notification.id(), owner, notification.taskId(), notification.reminderId(),
                notification.scheduledAt(), notification.deliveredAt(),
                Duration.between(notification.scheduledAt(), notification.deliveredAt()).toMillis());
    }
}
