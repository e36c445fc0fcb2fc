package dev.taskstream.api.tasks;

import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * A task came to be, with everything it was created with; {@code description} and {@code due} may be null, and
 * {@code occurrence} is null unless the task is an occurrence of a recurring series.
 */
@Revision("1")
public record TaskCreated(
        TaskId taskId,
        UserId ownerId,
        String title,
        String description,
        DueDate due,
        Priority priority,
        Set<TagId> tags,
        Occurrence occurrence) {

    public TaskCreated {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        priority = priority == null ? Priority.NONE : priority;
    }
}
