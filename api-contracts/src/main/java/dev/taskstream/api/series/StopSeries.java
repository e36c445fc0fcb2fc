package dev.taskstream.api.series;

import dev.taskstream.api.SeriesId;
import dev.taskstream.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** No more occurrences; the ones that exist stay as they are. Stopping a series that has ended is a no-op. */
public record StopSeries(@TargetAggregateIdentifier SeriesId seriesId, UserId requestedBy) {
}
