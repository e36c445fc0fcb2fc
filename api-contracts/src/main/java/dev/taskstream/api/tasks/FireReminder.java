package dev.taskstream.api.tasks;

import dev.taskstream.api.ReminderId;
import dev.taskstream.api.TaskId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Fires the reminder {@code reminderId} that was due at {@code scheduledAt}, or, when {@code snoozeOf} names an
 * earlier firing, that firing's snooze ending then. Sent by the ReminderSaga when the deadline passes. The task
 * records it once: the same firing again, or a firing that no longer matches the task (the reminder moved or went,
 * the task was completed or deleted), changes nothing.
 */
public record FireReminder(@TargetAggregateIdentifier TaskId taskId, ReminderId reminderId, Instant scheduledAt,
                           UUID snoozeOf) {

    /** The firing's identity: a name-based UUID of what fires when, the same however often it is sent. */
    public UUID firingId() {
        String name = snoozeOf == null ? "firing:" + taskId + ":" + reminderId + ":" + scheduledAt
                : "snooze:" + snoozeOf + ":" + scheduledAt;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
