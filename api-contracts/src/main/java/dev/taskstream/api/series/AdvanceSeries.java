package dev.taskstream.api.series;

import dev.taskstream.api.SeriesId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Occurrence {@code afterIndex} is done (completed or deleted) since {@code doneAt}: schedule the next one. A
 * no-op unless {@code afterIndex} is the series' latest occurrence, so sending it twice is harmless.
 */
public record AdvanceSeries(@TargetAggregateIdentifier SeriesId seriesId, int afterIndex, Instant doneAt) {
}
