package dev.taskstream.query.notifications;

import dev.taskstream.api.UserId;
import dev.taskstream.api.notifications.NotificationView;
import dev.taskstream.api.tasks.ReminderFired;
import dev.taskstream.query.stream.Change;
import dev.taskstream.query.stream.ChangeLog;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Stores a notification for every ReminderFired, tells the user's devices on the stream (in the same transaction, like
 * every other change), and hands it to the channels once it is committed. The firing id is
 * the notification's key: a ReminderFired handled again (redelivery, a second instance, a replay) stores nothing and
 * reaches no channel, and during a replay nothing reaches a channel at all, so rebuilding read models never notifies
 * anyone again. There is no reset handler: the table holds the user's read state, which no event carries.
 */
@Component
@ProcessingGroup(NotificationProjection.PROCESSING_GROUP)
class NotificationProjection {

    static final String PROCESSING_GROUP = "notifications";
    private static final Logger LOG = LoggerFactory.getLogger(NotificationProjection.class);

    private final NotificationRepository notifications;
    private final List<NotificationChannel> channels;
    private final ChangeLog changes;
    private final Clock clock = Clock.systemUTC();

    NotificationProjection(NotificationRepository notifications, List<NotificationChannel> channels) {
        this(notifications, channels, ChangeLog.none());
    }

    @Autowired
    NotificationProjection(NotificationRepository notifications, List<NotificationChannel> channels, ChangeLog changes) {
        this.notifications = notifications;
        this.channels = channels;
        this.changes = changes;
    }

    @EventHandler
    void on(ReminderFired event, ReplayStatus replay) {
        NotificationView notification = new NotificationView(event.firingId(), event.taskId(), event.reminderId(),
                event.title(), event.scheduledAt(), clock.instant(), event.snoozeOf(), null);
        if (!notifications.insert(event.ownerId(), notification)) {
            return;
        }
        changes.record("notification:" + notification.id(),
                () -> new Change(event.ownerId(), "notification.created", Map.of("notification", notification)));
        if (!replay.isReplay()) {
            afterCommit(() -> deliver(event.ownerId(), notification));
        }
    }

    /** A channel that fails is logged and skipped: the stored notification stands, and the others still get it. */
    private void deliver(UserId owner, NotificationView notification) {
        for (NotificationChannel channel : channels) {
            try {
                channel.deliver(owner, notification);
            } catch (RuntimeException e) {
                LOG.warn("Channel {} failed to deliver notification {}", channel.getClass().getSimpleName(),
                        notification.id(), e);
            }
        }
    }

    private static void afterCommit(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> action.run());
        } else {
            action.run();
        }
    }
}
