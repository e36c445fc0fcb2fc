package dev.taskstream.api.tasks;

import dev.taskstream.api.TaskId;
import org.axonframework.serialization.Revision;

/** The description changed; null means it was cleared. */
@Revision("1")
public record TaskDescribed(TaskId taskId, String description) {
}
