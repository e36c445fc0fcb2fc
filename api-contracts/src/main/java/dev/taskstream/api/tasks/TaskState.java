package dev.taskstream.api.tasks;

import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskId;
import java.util.Set;

/** A task as its aggregate knows it: what an edit conflict answers as the current task. */
public record TaskState(TaskId id, long version, String title, String description, DueDate due, Priority priority,
                        Set<TagId> tagIds, TaskStatus status) {
}
