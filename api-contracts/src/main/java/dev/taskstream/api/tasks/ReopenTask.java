package dev.taskstream.api.tasks;

import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReopenTask(@TargetAggregateIdentifier TaskId taskId, UserId requestedBy) {
}
