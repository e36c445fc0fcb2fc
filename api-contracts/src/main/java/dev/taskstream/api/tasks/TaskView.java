package dev.taskstream.api.tasks;

import dev.taskstream.api.TaskId;
import java.time.Instant;

/** A task as the read API shows it. {@code version} is the aggregate version this view reflects. */
public record TaskView(
        TaskId id,
        String title,
        String description,
        TaskStatus status,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt,
        long version) {
}
