package dev.taskstream.api.tasks;

import dev.taskstream.api.series.RecurrenceRequest;
import java.util.List;
import java.util.UUID;

/**
 * Body of {@code POST /api/tasks}. Only {@code title} is required; the server picks an {@code id} when the
 * client gives none. {@code tags} are names: a name the user has no tag for yet creates one. With a
 * {@code recurrence}, the task is the first occurrence of a new series, which starts at its {@code due} date,
 * time and zone (so a due date is required then). {@code reminders}: up to ten, see {@link ReminderRequest}; a
 * recurring task's occurrences each get them, relative to their own due date.
 */
public record CreateTaskRequest(
        UUID id,
        String title,
        String description,
        DueDate due,
        Priority priority,
        List<String> tags,
        RecurrenceRequest recurrence,
        List<ReminderRequest> reminders) {
}
