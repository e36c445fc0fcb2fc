package dev.taskstream.api.notifications;

import dev.taskstream.api.ReminderId;
import dev.taskstream.api.TaskId;
import java.time.Instant;
import java.util.UUID;

/**
 * One firing of a reminder, as the user's notification list shows it: the task and its {@code title} at firing
 * time, the reminder, the instant it was {@code scheduledAt} and the instant it was {@code deliveredAt} (stored for
 * the user). {@code snoozeOf} names the notification whose snooze this is; {@code readAt} is null while unread.
 */
public record NotificationView(
        UUID id,
        TaskId taskId,
        ReminderId reminderId,
        String title,
        Instant scheduledAt,
        Instant deliveredAt,
        UUID snoozeOf,
        Instant readAt) {
}
