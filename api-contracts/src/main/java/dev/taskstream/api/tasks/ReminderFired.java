package dev.taskstream.api.tasks;

import dev.taskstream.api.ReminderId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A reminder fired: the firing {@code firingId} of reminder {@code reminderId}, scheduled for {@code scheduledAt},
 * for the owner of the task titled {@code title} at that moment. {@code snoozeOf} names the firing whose snooze
 * ended, or is null. Recorded once per firing; notifications are keyed by {@code firingId}.
 */
@Revision("1")
public record ReminderFired(TaskId taskId, UserId ownerId, ReminderId reminderId, UUID firingId, String title,
                            Instant scheduledAt, UUID snoozeOf) {
}
