package dev.taskstream.api.tasks;

import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes any of a task's fields at once, so that one PATCH is one atomic write with one new version.
 * A null field is left as it is; an empty description clears it, {@code clearDue} clears the due date,
 * priority {@code NONE} clears the priority. {@code reminders} replaces the list when not null ({@code []} clears).
 * Emits one event per field that changed.
 */
public record UpdateTask(
        @TargetAggregateIdentifier TaskId taskId,
        UserId requestedBy,
        String title,
        String description,
        DueDate due,
        boolean clearDue,
        Priority priority,
        Set<TagId> addTags,
        Set<TagId> removeTags,
        List<ReminderSpec> reminders) {

    public UpdateTask {
        addTags = addTags == null ? Set.of() : Set.copyOf(addTags);
        removeTags = removeTags == null ? Set.of() : Set.copyOf(removeTags);
        reminders = reminders == null ? null : List.copyOf(reminders);
    }

    /** An update that leaves the reminders as they are. */
    public UpdateTask(TaskId taskId, UserId requestedBy, String title, String description, DueDate due,
                      boolean clearDue, Priority priority, Set<TagId> addTags, Set<TagId> removeTags) {
        this(taskId, requestedBy, title, description, due, clearDue, priority, addTags, removeTags, null);
    }

    public static UpdateTask details(TaskId taskId, UserId requestedBy, String title, String description) {
        return new UpdateTask(taskId, requestedBy, title, description, null, false, null, Set.of(), Set.of());
    }
}
