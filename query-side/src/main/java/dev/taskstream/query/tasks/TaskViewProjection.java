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
import dev.taskstream.api.TaskId;
import dev.taskstream.query.stream.Change;
import dev.taskstream.query.stream.ChangeLog;
import java.time.Instant;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.annotation.Autowired;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Folds task events into {@code task_view}. Every handler is idempotent: a row only moves forward
 * to a higher aggregate version, so a redelivered or replayed event changes nothing. Each change also goes
 * to the owner's change log (the real-time stream), in the same transaction.
 */
@Component
@ProcessingGroup(TaskViewProjection.PROCESSING_GROUP)
class TaskViewProjection {

    static final String PROCESSING_GROUP = "task-view";

    private final TaskViewRepository views;
    private final ChangeLog changes;

    /** A projection into scratch or shadow tables (history, rebuilds), which devices are not told about. */
    TaskViewProjection(TaskViewRepository views) {
        this(views, ChangeLog.none());
    }

    @Autowired
    TaskViewProjection(TaskViewRepository views, ChangeLog changes) {
        this.views = views;
        this.changes = changes;
    }

    @EventHandler
    void on(TaskCreated event, @SequenceNumber long version, @Timestamp Instant at) {
        views.insert(event, at, version);
        changed(event.taskId());
    }

    @EventHandler
    void on(TaskRenamed event, @SequenceNumber long version, @Timestamp Instant at) {
        views.update(event.taskId(), version, at, "title = ?", event.title());
        changed(event.taskId());
    }

    @EventHandler
    void on(TaskDescribed event, @SequenceNumber long version, @Timestamp Instant at) {
        views.update(event.taskId(), version, at, "description = ?", event.description());
        changed(event.taskId());
    }

    @EventHandler
    void on(TaskDueDateSet event, @SequenceNumber long version, @Timestamp Instant at) {
        views.update(event.taskId(), version, at, "due_date = ?, due_time = ?, due_zone = ?, due_at = ?",
                TaskViewRepository.dueColumns(event.due()));
        changed(event.taskId());
    }

    @EventHandler
    void on(TaskDueDateCleared event, @SequenceNumber long version, @Timestamp Instant at) {
        views.update(event.taskId(), version, at, "due_date = NULL, due_time = NULL, due_zone = NULL, due_at = NULL");
        changed(event.taskId());
    }

    @EventHandler
    void on(TaskPrioritized event, @SequenceNumber long version, @Timestamp Instant at) {
        views.update(event.taskId(), version, at, "priority = ?", event.priority().rank());
        changed(event.taskId());
    }

    @EventHandler
    void on(TaskTagged event, @SequenceNumber long version, @Timestamp Instant at) {
        views.update(event.taskId(), version, at, "tag_ids = array_append(array_remove(tag_ids, ?), ?)",
                event.tagId().value(), event.tagId().value());
        changed(event.taskId());
    }

    @EventHandler
    void on(TaskUntagged event, @SequenceNumber long version, @Timestamp Instant at) {
        views.update(event.taskId(), version, at, "tag_ids = array_remove(tag_ids, ?)", event.tagId().value());
        changed(event.taskId());
    }

    @EventHandler
    void on(TaskRemindersSet event, @SequenceNumber long version, @Timestamp Instant at) {
        views.update(event.taskId(), version, at, "reminders = ?::jsonb", TaskReminders.write(event.reminders()));
        changed(event.taskId());
    }

    @EventHandler
    void on(TaskCompleted event, @SequenceNumber long version, @Timestamp Instant at) {
        views.update(event.taskId(), version, at, "status = 'COMPLETED', completed_at = ?", TaskViewRepository.micros(at));
        changed(event.taskId());
    }

    @EventHandler
    void on(TaskReopened event, @SequenceNumber long version, @Timestamp Instant at) {
        views.update(event.taskId(), version, at, "status = 'OPEN', completed_at = NULL");
        changed(event.taskId());
    }

    @EventHandler
    void on(TaskDeleted event) {
        views.delete(event.taskId()).ifPresent(owner -> changes.record(key(event.taskId()),
                () -> new Change(owner, "task.deleted", Map.of("id", event.taskId()))));
    }

    /** The stream shows the task as {@code GET /api/tasks/{id}} does, in its state when the batch commits. */
    private void changed(TaskId id) {
        if (!changes.records()) {
            return;
        }
        ChangedTasks batch = ChangedTasks.of(CurrentUnitOfWork.get(), views);
        batch.add(id);
        changes.record(key(id), () -> batch.upserted(id));
    }

    private static String key(TaskId id) {
        return "task:" + id.value();
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
    }
}
