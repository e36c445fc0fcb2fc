package dev.taskstream.api.series;

import dev.taskstream.api.SeriesId;
import dev.taskstream.api.TaskId;
import org.axonframework.serialization.Revision;

/** The occurrence {@code index} (task {@code taskId}) was skipped; its task is to go. */
@Revision("1")
public record OccurrenceSkipped(SeriesId seriesId, int index, TaskId taskId) {
}
