package dev.taskstream.api.tasks;

import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.series.OccurrenceScheduled;
import dev.taskstream.api.series.SeriesTemplate;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a task owned by {@code ownerId}; {@code description}, {@code due} and {@code priority} may be null,
 * and so is {@code occurrence} unless the task is an occurrence of a recurring series. {@code reminders} may be empty.
 */
public record CreateTask(
        @TargetAggregateIdentifier TaskId taskId,
        UserId ownerId,
        String title,
        String description,
        DueDate due,
        Priority priority,
        Set<TagId> tags,
        Occurrence occurrence,
        List<ReminderSpec> reminders) {

    public CreateTask {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        reminders = reminders == null ? List.of() : List.copyOf(reminders);
    }

    /** A task without reminders. */
    public CreateTask(TaskId taskId, UserId ownerId, String title, String description, DueDate due, Priority priority,
                      Set<TagId> tags, Occurrence occurrence) {
        this(taskId, ownerId, title, description, due, priority, tags, occurrence, List.of());
    }

    /** The task that the series scheduled. */
    public static CreateTask occurrence(OccurrenceScheduled scheduled) {
        SeriesTemplate template = scheduled.template();
        return new CreateTask(scheduled.taskId(), scheduled.ownerId(), template.title(), template.description(),
                scheduled.due(), template.priority(), template.tags(), scheduled.occurrence(), template.reminders());
    }
}
