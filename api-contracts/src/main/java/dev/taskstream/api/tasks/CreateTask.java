package dev.taskstream.api.tasks;

import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a task owned by {@code ownerId}; {@code description} may be null. */
public record CreateTask(@TargetAggregateIdentifier TaskId taskId, UserId ownerId, String title, String description) {
}
