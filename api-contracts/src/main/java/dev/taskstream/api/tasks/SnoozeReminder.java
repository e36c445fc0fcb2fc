package dev.taskstream.api.tasks;

import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Fires the firing {@code firingId} of one of the task's reminders once more, at {@code until}. */
public record SnoozeReminder(@TargetAggregateIdentifier TaskId taskId, UserId requestedBy, UUID firingId,
                             Instant until) {
}
