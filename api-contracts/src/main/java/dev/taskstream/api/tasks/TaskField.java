package dev.taskstream.api.tasks;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** The fields of a task that writes change, named as in the API: what an edit conflict is about. */
public enum TaskField {
    TITLE, DESCRIPTION, DUE, PRIORITY, TAGS, REMINDERS, STATUS;

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The field a task event changed; empty for events that change no field a write can set (creation). */
    public static Optional<TaskField> changedBy(Object event) {
        if (event instanceof TaskRenamed) {
            return Optional.of(TITLE);
        }
        if (event instanceof TaskDescribed) {
            return Optional.of(DESCRIPTION);
        }
        if (event instanceof TaskDueDateSet || event instanceof TaskDueDateCleared) {
            return Optional.of(DUE);
        }
        if (event instanceof TaskPrioritized) {
            return Optional.of(PRIORITY);
        }
        if (event instanceof TaskTagged || event instanceof TaskUntagged) {
            return Optional.of(TAGS);
        }
        if (event instanceof TaskRemindersSet) {
            return Optional.of(REMINDERS);
        }
        if (event instanceof TaskCompleted || event instanceof TaskReopened) {
            return Optional.of(STATUS);
        }
        return Optional.empty();
    }
}
