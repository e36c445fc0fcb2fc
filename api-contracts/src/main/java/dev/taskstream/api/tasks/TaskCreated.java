package dev.taskstream.api.tasks;

import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record TaskCreated(TaskId taskId, UserId ownerId, String title, String description) {
}
