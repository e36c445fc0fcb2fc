package dev.taskstream.api.series;

import dev.taskstream.api.tasks.Priority;
import dev.taskstream.api.tasks.ReminderRequest;
import java.util.List;

/**
 * Body of {@code PATCH /api/series/{id}}: an absent field stays as it is, an empty description clears it. A
 * {@code recurrence} replaces the rule (and the mode, when it names one) for occurrences scheduled from now on;
 * template fields apply to the open occurrence too. {@code reminders} replaces the template's ({@code []} clears).
 */
public record UpdateSeriesRequest(String title, String description, Priority priority, RecurrenceRequest recurrence,
                                  List<ReminderRequest> reminders) {
}
