package dev.taskstream.api.series;

import dev.taskstream.api.SeriesId;
import dev.taskstream.api.TagId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tasks.Priority;
import dev.taskstream.api.tasks.ReminderSpec;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes the template (for the latest occurrence, if still open, and all future ones) and the rule or mode
 * (for future occurrences) at once. A null field is left as it is; an empty description clears it, an empty list of
 * reminders clears them.
 */
public record UpdateSeries(
        @TargetAggregateIdentifier SeriesId seriesId,
        UserId requestedBy,
        String title,
        String description,
        Priority priority,
        Set<TagId> tags,
        Recurrence recurrence,
        RecurrenceMode mode,
        List<ReminderSpec> reminders) {

    public UpdateSeries {
        reminders = reminders == null ? null : List.copyOf(reminders);
    }

    /** An update that leaves the template's reminders as they are. */
    public UpdateSeries(SeriesId seriesId, UserId requestedBy, String title, String description, Priority priority,
                        Set<TagId> tags, Recurrence recurrence, RecurrenceMode mode) {
        this(seriesId, requestedBy, title, description, priority, tags, recurrence, mode, null);
    }
}
