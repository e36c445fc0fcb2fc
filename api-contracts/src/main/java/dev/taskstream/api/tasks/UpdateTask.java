package dev.taskstream.api.tasks;

import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Changes any of a task's fields at once, so that one PATCH is one atomic write with one new version.
 * A null field is left as it is; an empty description clears it, {@code clearDue} clears the due date,
 * priority {@code NONE} clears the priority. {@code reminders} replaces the list when not null ({@code []} clears).
 * Emits one event per field that changed.
 *
 * <p>{@code expectedVersion}, when given, is the version the client saw ({@code If-Match}). Changes made since
 * then to other fields are kept and this one applied over them (a merge); a change since then to a field this
 * command sets too is a conflict, and nothing is written.
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
        List<ReminderSpec> reminders,
        @TargetAggregateVersion Long expectedVersion) {

    public UpdateTask {
        addTags = addTags == null ? Set.of() : Set.copyOf(addTags);
        removeTags = removeTags == null ? Set.of() : Set.copyOf(removeTags);
        reminders = reminders == null ? null : List.copyOf(reminders);
    }

    /** An update that leaves the reminders as they are, whatever the version. */
    public UpdateTask(TaskId taskId, UserId requestedBy, String title, String description, DueDate due,
                      boolean clearDue, Priority priority, Set<TagId> addTags, Set<TagId> removeTags) {
        this(taskId, requestedBy, title, description, due, clearDue, priority, addTags, removeTags, null, null);
    }

    /** The fields this command sets, named as in the API. */
    public Set<TaskField> fields() {
        Set<TaskField> fields = EnumSet.noneOf(TaskField.class);
        if (title != null) {
            fields.add(TaskField.TITLE);
        }
        if (description != null) {
            fields.add(TaskField.DESCRIPTION);
        }
        if (due != null || clearDue) {
            fields.add(TaskField.DUE);
        }
        if (priority != null) {
            fields.add(TaskField.PRIORITY);
        }
        if (!addTags.isEmpty() || !removeTags.isEmpty()) {
            fields.add(TaskField.TAGS);
        }
        if (reminders != null) {
            fields.add(TaskField.REMINDERS);
        }
        return fields;
    }

    public static UpdateTask details(TaskId taskId, UserId requestedBy, String title, String description) {
        return new UpdateTask(taskId, requestedBy, title, description, null, false, null, Set.of(), Set.of());
    }
}
