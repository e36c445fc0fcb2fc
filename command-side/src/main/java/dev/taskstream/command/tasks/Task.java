package dev.taskstream.command.tasks;

import static dev.taskstream.api.tasks.TaskRules.DESCRIPTION_MAX_LENGTH;
import static dev.taskstream.api.tasks.TaskRules.TITLE_MAX_LENGTH;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tasks.CompleteTask;
import dev.taskstream.api.tasks.CreateTask;
import dev.taskstream.api.tasks.DeleteTask;
import dev.taskstream.api.tasks.ReopenTask;
import dev.taskstream.api.tasks.TaskCompleted;
import dev.taskstream.api.tasks.TaskCreated;
import dev.taskstream.api.tasks.TaskDeleted;
import dev.taskstream.api.tasks.TaskDescribed;
import dev.taskstream.api.tasks.TaskRenamed;
import dev.taskstream.api.tasks.TaskReopened;
import dev.taskstream.api.tasks.UpdateTask;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A task. Its handlers check the rules and return the version after the write; completing a
 * completed task (or reopening an open one) is a no-op rather than an error, so that a client that
 * retries after a lost response simply succeeds.
 */
@Aggregate
class Task {

    @AggregateIdentifier
    private TaskId id;
    private UserId owner;
    private String title;
    private String description;
    private boolean completed;
    private boolean deleted;

    Task() {
        // for Axon
    }

    @CommandHandler
    Task(CreateTask command) {
        apply(new TaskCreated(command.taskId(), command.ownerId(),
                validTitle(command.title()), validDescription(command.description())));
    }

    @CommandHandler
    long handle(UpdateTask command) {
        checkWritableBy(command.requestedBy());
        String newTitle = command.title() == null ? title : validTitle(command.title());
        String newDescription = command.description() == null ? description : validDescription(command.description());
        if (!newTitle.equals(title)) {
            apply(new TaskRenamed(id, newTitle));
        }
        if (!Objects.equals(newDescription, description)) {
            apply(new TaskDescribed(id, newDescription));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(CompleteTask command) {
        checkWritableBy(command.requestedBy());
        if (!completed) {
            apply(new TaskCompleted(id));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ReopenTask command) {
        checkWritableBy(command.requestedBy());
        if (completed) {
            apply(new TaskReopened(id));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(DeleteTask command) {
        checkWritableBy(command.requestedBy());
        apply(new TaskDeleted(id));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(TaskCreated event) {
        id = event.taskId();
        owner = event.ownerId();
        title = event.title();
        description = event.description();
    }

    @EventSourcingHandler
    void on(TaskRenamed event) {
        title = event.title();
    }

    @EventSourcingHandler
    void on(TaskDescribed event) {
        description = event.description();
    }

    @EventSourcingHandler
    void on(TaskCompleted event) {
        completed = true;
    }

    @EventSourcingHandler
    void on(TaskReopened event) {
        completed = false;
    }

    @EventSourcingHandler
    void on(TaskDeleted event) {
        deleted = true;
    }

    /** Someone else's task answers exactly like a missing one, so ids cannot be probed. */
    private void checkWritableBy(UserId requester) {
        if (!owner.equals(requester)) {
            throw new TaskstreamException(ErrorCode.TASK_NOT_FOUND, null, "No task " + id + ".");
        }
        if (deleted) {
            throw new TaskstreamException(ErrorCode.TASK_DELETED, null, "Task " + id + " was deleted.");
        }
    }

    private static String validTitle(String raw) {
        String trimmed = raw == null ? "" : raw.strip();
        if (trimmed.isEmpty() || trimmed.length() > TITLE_MAX_LENGTH) {
            throw TaskstreamException.invalidField("title",
                    "A title needs 1 to " + TITLE_MAX_LENGTH + " characters after trimming.");
        }
        return trimmed;
    }

    /** An empty or blank description is no description. */
    private static String validDescription(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > DESCRIPTION_MAX_LENGTH) {
            throw TaskstreamException.invalidField("description",
                    "A description has at most " + DESCRIPTION_MAX_LENGTH + " characters.");
        }
        return raw;
    }
}
