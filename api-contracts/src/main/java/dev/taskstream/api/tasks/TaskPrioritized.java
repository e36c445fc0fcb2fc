package dev.taskstream.api.tasks;

import dev.taskstream.api.TaskId;
import org.axonframework.serialization.Revision;

/** The priority changed; NONE means it was cleared. */
@Revision("1")
public record TaskPrioritized(TaskId taskId, Priority priority) {
}
