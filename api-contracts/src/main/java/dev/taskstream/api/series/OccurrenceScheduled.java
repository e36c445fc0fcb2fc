package dev.taskstream.api.series;

import dev.taskstream.api.SeriesId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tasks.DueDate;
import dev.taskstream.api.tasks.Occurrence;
import org.axonframework.serialization.Revision;

/**
 * The series decided its {@code index}th occurrence: the task {@code taskId} (after the first, derived from series
 * and index),
 * owned by {@code ownerId}, made from {@code template}, due {@code due}. Nothing has created the task yet.
 */
@Revision("2")
public record OccurrenceScheduled(
        SeriesId seriesId,
        int index,
        TaskId taskId,
        UserId ownerId,
        SeriesTemplate template,
        DueDate due) {

    public Occurrence occurrence() {
        return new Occurrence(seriesId, index);
    }
}
