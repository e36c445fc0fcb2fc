package dev.taskstream.query.tasks;

import dev.taskstream.api.tasks.TaskCompleted;
import dev.taskstream.api.tasks.TaskCreated;
import dev.taskstream.api.tasks.TaskDeleted;
import dev.taskstream.api.tasks.TaskDescribed;
import dev.taskstream.api.tasks.TaskDueDateCleared;
import dev.taskstream.api.tasks.TaskDueDateSet;
import dev.taskstream.api.tasks.TaskPrioritized;
import dev.taskstream.api.tasks.TaskRemindersSet;
import dev.taskstream.api.tasks.TaskRenamed;
import dev.taskstream.api.tasks.TaskReopened;
import dev.taskstream.api.tasks.TaskTagged;
import dev.taskstream.api.tasks.TaskUntagged;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Folds task events into {@code task_view}. Every handler is idempotent: a row only moves forward
 * to a higher aggregate version, so a redelivered or replayed event changes nothing.
 */
@Component
@ProcessingGroup(TaskViewProjection.PROCESSING_GROUP)
class TaskViewProjection {

    static final String PROCESSING_GROUP = "task-view";

    private final TaskViewRepository views;

    TaskViewProjection(TaskViewRepository views) {
        this.views = views;
    }

    @EventHandler
    void on(TaskCreated event, @SequenceNumber long version, @Timestamp Instant at) {
        views.insert(event, at, version);
    }

    @EventHandler
    void on(TaskRenamed event, @SequenceNumber long version, @Timestamp Instant at) {
        views.update(event.taskId(), version, at, "title = ?", event.title());
    }

    @EventHandler
    void on(TaskDescribed event, @SequenceNumber long version, @Timestamp Instant at) {
        views.update(event.taskId(), version, at, "description = ?", event.description());
    }

    @EventHandler
    void on(TaskDueDateSet event, @SequenceNumber long version, @Timestamp Instant at) {
        views.update(event.taskId(), version, at, "due_date = ?, due_time = ?, due_zone = ?, due_at = ?",
                TaskViewRepository.dueColumns(event.due()));
    }

    @EventHandler
    void on(TaskDueDateCleared event, @SequenceNumber long version, @Timestamp Instant at) {
        views.update(event.taskId(), version, at, "due_date = NULL, due_time = NULL, due_zone = NULL, due_at = NULL");
    }

    @EventHandler
    void on(TaskPrioritized event, @SequenceNumber long version, @Timestamp Instant at) {
        views.update(event.taskId(), version, at, "priority = ?", event.priority().rank());
    }

    @EventHandler
    void on(TaskTagged event, @SequenceNumber long version, @Timestamp Instant at) {
        views.update(event.taskId(), version, at, "tag_ids = array_append(array_remove(tag_ids, ?), ?)",
                event.tagId().value(), event.tagId().value());
    }

    @EventHandler
    void on(TaskUntagged event, @SequenceNumber long version, @Timestamp Instant at) {
        views.update(event.taskId(), version, at, "tag_ids = array_remove(tag_ids, ?)", event.tagId().value());
    }

    @EventHandler
    void on(TaskRemindersSet event, @SequenceNumber long version, @Timestamp Instant at) {
        views.update(event.taskId(), version, at, "reminders = ?::jsonb", TaskReminders.write(event.reminders()));
    }

    @EventHandler
    void on(TaskCompleted event, @SequenceNumber long version, @Timestamp Instant at) {
        views.update(event.taskId(), version, at, "status = 'COMPLETED', completed_at = ?", TaskViewRepository.micros(at));
    }

    @EventHandler
    void on(TaskReopened event, @SequenceNumber long version, @Timestamp Instant at) {
        views.update(event.taskId(), version, at, "status = 'OPEN', completed_at = NULL");
    }

    @EventHandler
    void on(TaskDeleted event) {
        views.delete(event.taskId());
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
    }
}
