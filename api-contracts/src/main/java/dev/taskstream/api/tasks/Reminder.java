package dev.taskstream.api.tasks;

import dev.taskstream.api.ReminderId;
import java.util.Objects;

/** A reminder on a task: its id and when it fires. */
public record Reminder(ReminderId id, ReminderSpec when) {

    public Reminder {
        Objects.requireNonNull(id, "reminder id");
        Objects.requireNonNull(when, "when");
    }
}
