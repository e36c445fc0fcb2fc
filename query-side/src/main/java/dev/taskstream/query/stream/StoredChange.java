package dev.taskstream.query.stream;

import java.time.Instant;

/** A change-log row: its position, the JSON text message as sent, and when it was written. */
record StoredChange(long position, String message, Instant createdAt) {
}
