package dev.taskstream.query.tasks;

import dev.taskstream.api.TaskId;
import dev.taskstream.query.stream.Change;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The tasks one batch of events changed, read back together when the batch is about to commit: one query for
 * the whole batch (the rows with their tags), not a few for every task in it. Under load a batch
 * holds up to a hundred tasks, and this read-back was most of the projection's time.
 */
final class ChangedTasks {

    private static final String RESOURCE = ChangedTasks.class.getName();

    private final TaskViewRepository views;
    private final Set<TaskId> ids = new LinkedHashSet<>();
    private Map<TaskId, Change> upserts;

    private ChangedTasks(TaskViewRepository views) {
        this.views = views;
    }

    /** The batch's set, kept on the root unit of work, which the processor commits once per batch. */
    static ChangedTasks of(UnitOfWork<?> unitOfWork, TaskViewRepository views) {
        return unitOfWork.root().getOrComputeResource(RESOURCE, name -> new ChangedTasks(views));
    }

    void add(TaskId id) {
        ids.add(id);
        upserts = null;
    }

    /** The {@code task.upserted} message for a task of this batch, or null if its row is gone. */
    Change upserted(TaskId id) {
        if (upserts == null) {
            upserts = readBack();
        }
        return upserts.get(id);
    }

    private Map<TaskId, Change> readBack() {
        Map<TaskId, Change> changes = new HashMap<>();
        for (TaskViewRepository.OwnedView row : views.findAll(ids)) {
            changes.put(row.view().id(), new Change(row.owner(), "task.upserted", Map.of("task", row.view())));
        }
        return changes;
    }
}
