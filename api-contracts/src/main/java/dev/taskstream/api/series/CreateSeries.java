package dev.taskstream.api.series;

import dev.taskstream.api.SeriesId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tasks.DueDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Starts a recurring series: its template, rule and mode ({@code FIXED} when null), and the due date of the task
 * it was created with, whose date, time and zone start the rule. Its first occurrence is the task
 * {@code firstTaskId}. Answers with the first OccurrenceScheduled.
 */
public record CreateSeries(
        @TargetAggregateIdentifier SeriesId seriesId,
        TaskId firstTaskId,
        UserId ownerId,
        SeriesTemplate template,
        Recurrence recurrence,
        RecurrenceMode mode,
        DueDate start) {

    public CreateSeries {
        mode = mode == null ? RecurrenceMode.FIXED : mode;
    }
}
