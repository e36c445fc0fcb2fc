package dev.taskstream.api.series;

import dev.taskstream.api.SeriesId;
import org.axonframework.serialization.Revision;

/** Occurrences scheduled from now on follow this rule and mode. */
@Revision("1")
public record SeriesRecurrenceChanged(SeriesId seriesId, Recurrence recurrence, RecurrenceMode mode) {
}
