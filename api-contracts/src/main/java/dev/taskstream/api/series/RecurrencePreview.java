package dev.taskstream.api.series;

import java.time.OffsetDateTime;
import java.util.List;

/** The answer of {@code GET /api/recurrence/preview}: the rule as read, and its first occurrences. */
public record RecurrencePreview(String rule, List<OffsetDateTime> occurrences) {
}
