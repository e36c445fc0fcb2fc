package dev.taskstream.sagas.reminders;

import dev.taskstream.api.ReminderId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.tasks.FireReminder;
import java.time.Instant;
import java.util.UUID;

/**
 * The payload of a reminder's deadline: what to fire when it passes. Stored with the deadline (in db-scheduler's
 * table, or wherever the deadline manager keeps it), so it must read back after a restart; hence a plain record.
 */
public record ReminderDue(TaskId taskId, ReminderId reminderId, Instant scheduledAt, UUID snoozeOf) {

    FireReminder fire() {
        return new FireReminder(taskId, reminderId, scheduledAt, snoozeOf);
    }
}
