package dev.taskstream.api.tasks;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.TaskstreamException;
import java.util.Map;
import java.util.Set;

/**
 * A write based on an old version ({@code If-Match}) sets fields that changed since that version; nothing was
 * written. The answer holds the fields in conflict and the task as it is now, so the client can decide again.
 */
public class EditConflict extends TaskstreamException {

    private final Set<TaskField> fields;
    private final TaskState current;

    public EditConflict(Set<TaskField> fields, TaskState current) {
        super(ErrorCode.EDIT_CONFLICT, null, "Since the version you saw, someone else changed "
                + fields.stream().map(TaskField::apiName).sorted().toList()
                + " too. Nothing was written; decide again on the current task.");
        this.fields = Set.copyOf(fields);
        this.current = current;
    }

    public Set<TaskField> fields() {
        return fields;
    }

    public TaskState current() {
        return current;
    }

    /** The problem body names the fields in conflict and holds the task as it is now. */
    @Override
    protected Map<String, Object> properties() {
        return Map.of("fields", fields.stream().map(TaskField::apiName).sorted().toList(), "current", current);
    }
}
