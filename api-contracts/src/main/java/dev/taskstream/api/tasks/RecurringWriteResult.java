package dev.taskstream.api.tasks;

import dev.taskstream.api.SeriesId;
import dev.taskstream.api.TaskId;

/** What creating a recurring task answers: the first occurrence and its version, and the new series. */
public record RecurringWriteResult(TaskId id, long version, SeriesId seriesId) {
}
