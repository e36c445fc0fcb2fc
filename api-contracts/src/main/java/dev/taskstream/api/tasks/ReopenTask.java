package dev.taskstream.api.tasks;

import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** {@code expectedVersion}, when given, is the version the client saw ({@code If-Match}); see {@link UpdateTask}. */
public record ReopenTask(@TargetAggregateIdentifier TaskId taskId, UserId requestedBy,
                     @TargetAggregateVersion Long expectedVersion) {

    public ReopenTask(TaskId taskId, UserId requestedBy) {
        this(taskId, requestedBy, null);
    }
}
