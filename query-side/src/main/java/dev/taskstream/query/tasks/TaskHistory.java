package dev.taskstream.query.tasks;

import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import dev.taskstream.api.history.HistoryPage;
import dev.taskstream.api.tags.TagRef;
import dev.taskstream.api.tasks.TaskCreated;
import dev.taskstream.api.tasks.TaskTagged;
import dev.taskstream.api.tasks.TaskView;
import dev.taskstream.query.history.EventLog;
import dev.taskstream.query.history.HistoryQuery;
import dev.taskstream.query.history.ScratchTables;
import dev.taskstream.query.history.Timeline;
import dev.taskstream.query.tags.Tags;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A task's history and the task as it was at an instant, folded from its events by {@link TaskViewProjection}
 * itself into a scratch copy of {@code task_view}. Deleted tasks keep their history; only the owner sees it.
 */
@Component
class TaskHistory {

    /** Bookkeeping the entry shows anyway ({@code at}, {@code sequence}), or that another field already says. */
    private static final Set<String> HIDDEN = Set.of("id", "version", "createdAt", "updatedAt", "completedAt", "dueAt");
    static final String DELETED_TAG = "(deleted tag)";

    private final EventLog log;
    private final ScratchTables scratch;
    private final Tags tags;
    private final TaskViewRepository scratchViews;
    private final TaskViewProjection scratchProjection;

    TaskHistory(EventLog log, ScratchTables scratch, Tags tags, JdbcClient jdbc) {
        this.log = log;
        this.scratch = scratch;
        this.tags = tags;
        this.scratchViews = new TaskViewRepository(jdbc, ScratchTables.scratchOf(TaskViewRepository.TABLE));
        this.scratchProjection = new TaskViewProjection(scratchViews);
    }

    HistoryPage page(UserId user, TaskId id, HistoryQuery query) {
        List<? extends DomainEventMessage<?>> events = eventsOf(user, id);
        return scratch.with(TaskViewRepository.TABLE, "task_id", () -> timeline(user, id, events).page(events, query));
    }

    TaskView asOf(UserId user, TaskId id, Instant instant) {
        List<? extends DomainEventMessage<?>> events = eventsOf(user, id);
        return scratch.with(TaskViewRepository.TABLE, "task_id", () -> timeline(user, id, events).asOf(events, instant))
                .orElseThrow(() -> TaskstreamException.notFound(id));
    }

    /** Another user's task, or an id that is not a task's, answers like a missing one. */
    private List<? extends DomainEventMessage<?>> eventsOf(UserId user, TaskId id) {
        List<? extends DomainEventMessage<?>> events = log.of(id.toString());
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof TaskCreated created)
                || !created.ownerId().equals(user)) {
            throw TaskstreamException.notFound(id);
        }
        return events;
    }

    private Timeline<TaskView> timeline(UserId user, TaskId id, List<? extends DomainEventMessage<?>> events) {
        Map<UUID, TagRef> names = tagNames(user, events);
        return new Timeline<>(scratchProjection, () -> scratchViews.find(user, id, names), HIDDEN);
    }

    /** The owner's tags by id, and a placeholder for each tag the task had that has since been deleted. */
    private Map<UUID, TagRef> tagNames(UserId user, List<? extends DomainEventMessage<?>> events) {
        Map<UUID, TagRef> names = new HashMap<>(tags.byId(user));
        events.stream()
                .flatMap(event -> event.getPayload() instanceof TaskCreated created ? created.tags().stream()
                        : event.getPayload() instanceof TaskTagged tagged ? Stream.of(tagged.tagId()) : Stream.<TagId>empty())
                .forEach(tag -> names.putIfAbsent(tag.value(), new TagRef(tag, DELETED_TAG, null)));
        return names;
    }
}
