package dev.taskstream.api.tasks;

import dev.taskstream.api.SeriesId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.tags.TagRef;
import java.time.Instant;
import java.util.List;

/**
 * A task as the read API shows it. {@code dueAt} is the deadline instant of {@code due};
 * {@code version} is the aggregate version this view reflects. {@code seriesId} and {@code occurrenceIndex}
 * are null unless the task is an occurrence of a recurring series. {@code reminders} each show when they fire.
 */
public record TaskView(
        TaskId id,
        String title,
        String description,
        TaskStatus status,
        DueDate due,
        Instant dueAt,
        Priority priority,
        List<TagRef> tags,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt,
        SeriesId seriesId,
        Integer occurrenceIndex,
        long version,
        List<ReminderView> reminders) {
}
