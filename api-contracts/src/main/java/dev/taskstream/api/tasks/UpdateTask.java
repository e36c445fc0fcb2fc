package dev.taskstream.api.tasks;

import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes any of a task's fields at once, so that one PATCH is one atomic write with one new version.
 * A null field is left as it is; an empty description clears it. Emits one event per field that changed.
 */
public record UpdateTask(@TargetAggregateIdentifier TaskId taskId, UserId requestedBy, String title, String description) {
}
