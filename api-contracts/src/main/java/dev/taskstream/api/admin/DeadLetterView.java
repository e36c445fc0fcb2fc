package dev.taskstream.api.admin;

import java.time.Instant;

/**
 * One parked event: its id (used to retry or evict it), the sequence it holds up (the aggregate id, for domain
 * events), its type, when it was parked and last tried, and the failure.
 */
public record DeadLetterView(
        String id,
        String sequence,
        String type,
        Instant enqueuedAt,
        Instant lastTouched,
        String cause) {
}
