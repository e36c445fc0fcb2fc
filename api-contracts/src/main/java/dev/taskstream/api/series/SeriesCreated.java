package dev.taskstream.api.series;

import dev.taskstream.api.SeriesId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tasks.DueDate;
import org.axonframework.serialization.Revision;

@Revision("2")
public record SeriesCreated(
        SeriesId seriesId,
        UserId ownerId,
        SeriesTemplate template,
        Recurrence recurrence,
        RecurrenceMode mode,
        DueDate start) {
}
