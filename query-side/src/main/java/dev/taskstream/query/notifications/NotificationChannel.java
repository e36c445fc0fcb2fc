package dev.taskstream.query.notifications;

import dev.taskstream.api.UserId;
import dev.taskstream.api.notifications.NotificationView;

/**
 * A way a notification reaches its user, besides the stored list every user can read back. Any Spring bean of the
 * query side that implements it is called once per firing, after the notification is stored and committed (the
 * store is what makes it once: see {@link NotificationProjection}), and never during a replay.
 */
public interface NotificationChannel {

    void deliver(UserId owner, NotificationView notification);
}
