package dev.taskstream.api.admin;

import java.time.Instant;

/**
 * A projection rebuild: {@code state} is RUNNING (folding events into new tables while the old ones answer),
 * SWAPPING (the live processor is paused for the last events and the swap), DONE or FAILED (then {@code error}
 * says why, and the old tables still answer). {@code position} is the global position folded so far, {@code head}
 * the head of the event store, {@code eventsDone} how many events were read; {@code failedEvents} counts events a
 * handler refused (logged, and left to the live processor's dead-letter queue).
 */
public record ReplayProgress(
        String processor,
        String state,
        long eventsDone,
        long position,
        long head,
        long failedEvents,
        Instant startedAt,
        Instant finishedAt,
        String error) {
}
