package dev.taskstream.api.tasks;

import java.util.ArrayList;
import java.util.List;

/**
 * Body of {@code PATCH /api/tasks/{id}}, read as a JSON merge patch: an absent field stays as it is,
 * {@code "due": null} clears the due date, an empty description clears it, priority {@code NONE}
 * clears the priority. {@code addTags} and {@code removeTags} are tag names; adding a name the user has
 * no tag for creates it. {@code reminders} replaces the task's reminders ({@code []} clears). A class rather than a record, because only a setter can tell a field sent as
 * null from a field not sent.
 */
public final class UpdateTaskRequest {

    private String title;
    private String description;
    private DueDate due;
    private boolean dueSent;
    private Priority priority;
    private List<String> addTags = List.of();
    private List<String> removeTags = List.of();
    private List<ReminderRequest> reminders;

    public String title() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String description() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public DueDate due() {
        return due;
    }

    public boolean clearsDue() {
        return dueSent && due == null;
    }

    public void setDue(DueDate due) {
        this.due = due;
        this.dueSent = true;
    }

    public Priority priority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public List<String> addTags() {
        return addTags;
    }

    public void setAddTags(List<String> addTags) {
        this.addTags = addTags == null ? List.of() : List.copyOf(addTags);
    }

    public List<String> removeTags() {
        return removeTags;
    }

    public void setRemoveTags(List<String> removeTags) {
        this.removeTags = removeTags == null ? List.of() : List.copyOf(removeTags);
    }

    /** Null when not sent: the reminders stay as they are. */
    public List<ReminderRequest> reminders() {
        return reminders;
    }

    public void setReminders(List<ReminderRequest> reminders) {
        this.reminders = reminders == null ? List.of() : new ArrayList<>(reminders);
    }
}
