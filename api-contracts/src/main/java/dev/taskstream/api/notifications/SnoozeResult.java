package dev.taskstream.api.notifications;

import java.time.Instant;
import java.util.UUID;

/** The snoozed notification and the instant it fires again. */
public record SnoozeResult(UUID id, Instant until) {
}
