package dev.taskstream.api.tasks;

import dev.taskstream.api.ReminderId;
import java.time.Instant;

/**
 * A reminder as the read API shows it: {@code before} (an ISO-8601 duration) or {@code at}, and {@code fireAt}, the
 * instant it fires for the task's current due date (null while a relative reminder has no due date to count from).
 */
public record ReminderView(ReminderId id, String before, Instant at, Instant fireAt) {

    public static ReminderView of(Reminder reminder, DueDate due) {
        ReminderSpec when = reminder.when();
        return new ReminderView(reminder.id(), when.relative() ? when.before().toString() : null, when.at(),
                when.fireAt(due));
    }
}
