package dev.taskstream.api.tasks;

import dev.taskstream.api.TaskId;
import org.axonframework.serialization.Revision;

/** The due date was set or moved. */
@Revision("1")
public record TaskDueDateSet(TaskId taskId, DueDate due) {
}
