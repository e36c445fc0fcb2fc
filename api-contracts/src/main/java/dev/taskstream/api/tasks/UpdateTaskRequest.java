package dev.taskstream.api.tasks;

/**
 * Body of {@code PATCH /api/tasks/{id}}, read as a JSON merge patch: an absent field stays as it is,
 * {@code "due": null} clears the due date, an empty description clears it, priority {@code NONE}
 * clears the priority. A class rather than a record, because only a setter can tell a field sent as
 * null from a field not sent.
 */
public final class UpdateTaskRequest {

    private String title;
    private String description;
    private DueDate due;
    private boolean dueSent;
    private Priority priority;

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
}
