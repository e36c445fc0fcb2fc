package dev.taskstream.api.tasks;

import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a task under an id that must be new; {@code description}, {@code due} and {@code priority} may be null.
 * Unlike {@link CreateTask}, which an occurrence may be sent again, nothing is looked up first: a taken id is refused
 * when the task's first event is stored.
 */
public record CreateNewTask(
        @TargetAggregateIdentifier TaskId taskId,
        UserId ownerId,
        String title,
        String description,
        DueDate due,
        Priority priority,
        Set<TagId> tags) {

    public CreateNewTask {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
