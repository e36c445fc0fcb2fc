package dev.taskstream.api.tasks;

import dev.taskstream.api.TaskId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record TaskDueDateCleared(TaskId taskId) {
}
