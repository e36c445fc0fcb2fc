package dev.taskstream.api.series;

import dev.taskstream.api.SeriesId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.tasks.DueDate;
import dev.taskstream.api.tasks.Priority;
import java.time.Instant;

/**
 * A series as the read API shows it: its template, its rule (always as an RRULE) and mode, the zone it runs in,
 * and its latest occurrence, the one to do next: {@code nextTaskId}, due {@code nextDue} (at the instant
 * {@code nextDueAt}). {@code occurrenceCount} counts the occurrences so far, skipped ones included.
 */
public record SeriesView(
        SeriesId id,
        String title,
        String description,
        Priority priority,
        String rule,
        RecurrenceMode mode,
        String timeZone,
        DueDate start,
        TaskId nextTaskId,
        DueDate nextDue,
        Instant nextDueAt,
        int occurrenceCount,
        SeriesStatus status,
        long version) {
}
