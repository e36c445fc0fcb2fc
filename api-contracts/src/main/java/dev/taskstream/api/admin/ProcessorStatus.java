package dev.taskstream.api.admin;

/**
 * One event processor as this server instance runs it: {@code mode} (tracking, pooled, subscribing), the segments
 * it holds, the lowest global position among them, {@code lag} events behind the head of the event store, whether
 * it is replaying, whether a segment is in error, and how many event sequences are parked as dead letters
 * ({@code null} where the processor has no dead-letter queue). Positions are null for a processor that tracks none.
 */
public record ProcessorStatus(
        String name,
        String mode,
        boolean running,
        int segments,
        Long position,
        Long head,
        Long lag,
        boolean replaying,
        boolean error,
        Long deadLetters,
        boolean rebuildable) {
}
