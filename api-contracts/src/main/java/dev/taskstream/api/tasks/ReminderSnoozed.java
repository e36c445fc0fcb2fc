package dev.taskstream.api.tasks;

import dev.taskstream.api.ReminderId;
import dev.taskstream.api.TaskId;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The owner snoozed the firing {@code firingId} of reminder {@code reminderId}: it fires once more at {@code until},
 * unless the reminder is removed or the task completed or deleted first. A later snooze of the same firing replaces
 * this one.
 */
@Revision("1")
public record ReminderSnoozed(TaskId taskId, ReminderId reminderId, UUID firingId, Instant until) {
}
