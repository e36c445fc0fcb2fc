package dev.taskstream.api.series;

import dev.taskstream.api.SeriesId;
import dev.taskstream.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The latest occurrence (the one due next) will not be done: drop it and schedule the one after. */
public record SkipNextOccurrence(@TargetAggregateIdentifier SeriesId seriesId, UserId requestedBy) {
}
