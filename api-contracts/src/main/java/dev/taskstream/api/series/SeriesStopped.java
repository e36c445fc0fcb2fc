package dev.taskstream.api.series;

import dev.taskstream.api.SeriesId;
import org.axonframework.serialization.Revision;

/** The owner stopped the series: it schedules no more occurrences. */
@Revision("1")
public record SeriesStopped(SeriesId seriesId) {
}
