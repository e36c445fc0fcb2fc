package dev.taskstream.api.tasks;

import dev.taskstream.api.TaskId;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The task's reminders are now {@code reminders} (empty: it has none). {@code due} and {@code completed} are the
 * task's due date and state they apply to, carried so that a reader that starts following the task here, as the
 * ReminderSaga does, needs no earlier event.
 */
@Revision("1")
public record TaskRemindersSet(TaskId taskId, List<Reminder> reminders, DueDate due, boolean completed) {

    public TaskRemindersSet {
        reminders = reminders == null ? List.of() : List.copyOf(reminders);
    }
}
