package dev.taskstream.api.series;

import dev.taskstream.api.SeriesId;
import org.axonframework.serialization.Revision;

/** The rule has run out (COUNT, UNTIL): the latest occurrence was the last. */
@Revision("1")
public record SeriesFinished(SeriesId seriesId) {
}
