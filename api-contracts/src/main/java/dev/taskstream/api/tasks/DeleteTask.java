package dev.taskstream.api.tasks;

import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteTask(@TargetAggregateIdentifier TaskId taskId, UserId requestedBy) {
}
