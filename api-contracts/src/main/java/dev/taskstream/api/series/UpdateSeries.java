package dev.taskstream.api.series;

import dev.taskstream.api.SeriesId;
import dev.taskstream.api.TagId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tasks.Priority;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes the template (for the latest occurrence, if still open, and all future ones) and the rule or mode
 * (for future occurrences) at once. A null field is left as it is; an empty description clears it.
 */
public record UpdateSeries(
        @TargetAggregateIdentifier SeriesId seriesId,
        UserId requestedBy,
        String title,
        String description,
        Priority priority,
        Set<TagId> tags,
        Recurrence recurrence,
        RecurrenceMode mode) {
}
