package dev.taskstream.api.series;

import dev.taskstream.api.SeriesId;
import org.axonframework.serialization.Revision;

@Revision("2")
public record SeriesTemplateChanged(SeriesId seriesId, SeriesTemplate template) {
}
