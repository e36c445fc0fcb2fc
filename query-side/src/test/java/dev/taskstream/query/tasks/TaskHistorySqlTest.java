package dev.taskstream.query.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import dev.taskstream.api.history.HistoryEntry;
import dev.taskstream.api.history.HistoryPage;
import dev.taskstream.api.tags.TagCreated;
import dev.taskstream.api.tasks.Priority;
import dev.taskstream.api.tasks.TaskCompleted;
import dev.taskstream.api.tasks.TaskCreated;
import dev.taskstream.api.tasks.TaskDeleted;
import dev.taskstream.api.tasks.TaskPrioritized;
import dev.taskstream.api.tasks.TaskRenamed;
import dev.taskstream.api.tasks.TaskTagged;
import dev.taskstream.query.history.EventLog;
import dev.taskstream.query.history.HistoryQuery;
import dev.taskstream.query.history.ScratchTables;
import dev.taskstream.query.support.QueryDatabase;
import dev.taskstream.query.tags.Tags;
import dev.taskstream.query.tags.TestTags;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * History and as-of: Axon's event store (in memory here) read back and folded by the task-view projection into a
 * scratch table on a real PostgreSQL. No row of task_view is touched.
 */
class TaskHistorySqlTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final JdbcClient jdbc = QueryDatabase.jdbc();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final Tags tags = TestTags.over(jdbc);
    private final TaskHistory history = new TaskHistory(new EventLog(store),
            new ScratchTables(jdbc, QueryDatabase.transactions()), tags, jdbc);
    private final UserId owner = new UserId(UUID.randomUUID());
    private final TaskId id = TaskId.random();

    @AfterEach
    void closeStore() {
        store.shutDown();
    }

    @Test
    void eachEntrySaysWhatChanged_andPagesFollowTheCursor() {
        TagId home = TagId.random();
        TestTags.created(tags, new TagCreated(home, owner, "home", null));
        store(new TaskCreated(id, owner, "Buy milk", null, null, Priority.NONE, Set.of(), null),
                new TaskRenamed(id, "Buy oat milk"), new TaskPrioritized(id, Priority.HIGH), new TaskTagged(id, home),
                new TaskCompleted(id), new TaskDeleted(id));

        HistoryPage first = history.page(owner, id, new HistoryQuery(4, 0));
        HistoryPage rest = history.page(owner, id, new HistoryQuery(4, Long.parseLong(first.nextCursor())));

        assertThat(first.items()).extracting(HistoryEntry::summary).containsExactly(
                "created; title: none → 'Buy milk'; status: none → OPEN; priority: none → NONE",
                "title: 'Buy milk' → 'Buy oat milk'",
                "priority: NONE → HIGH",
                "tags: +home");
        assertThat(first.items().get(0).actor()).isEqualTo(owner.toString());
        assertThat(first.items().get(0).deviceId()).isEqualTo("phone");
        assertThat(rest.items()).extracting(HistoryEntry::summary).containsExactly("status: OPEN → COMPLETED", "deleted");
        assertThat(rest.nextCursor()).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM task_view WHERE task_id = ?").param(id.value()).query(Long.class).single())
                .isZero();
    }

    @Test
    void asOfFoldsTheEventsUpToTheInstant() {
        store(new TaskCreated(id, owner, "Draft", null, null, Priority.NONE, Set.of(), null),
                new TaskRenamed(id, "Final"), new TaskDeleted(id));

        assertThat(history.asOf(owner, id, T0.plusMillis(1500)).title()).isEqualTo("Final");
        assertThat(history.asOf(owner, id, T0.plusMillis(500)).title()).isEqualTo("Draft");
        assertThatThrownBy(() -> history.asOf(owner, id, T0.minusSeconds(1))).isInstanceOf(TaskstreamException.class);
        assertThatThrownBy(() -> history.asOf(owner, id, T0.plusSeconds(5))).isInstanceOf(TaskstreamException.class);
        assertThatThrownBy(() -> history.page(new UserId(UUID.randomUUID()), id, new HistoryQuery(50, 0)))
                .isInstanceOf(TaskstreamException.class);
    }

    /** One event a second from T0, stamped as the server stamps them. */
    private void store(Object... payloads) {
        for (int i = 0; i < payloads.length; i++) {
            store.publish(new GenericDomainEventMessage<>("Task", id.toString(), i, payloads[i],
                    Map.of("userId", owner.toString(), "deviceId", "phone"), UUID.randomUUID().toString(),
                    T0.plusSeconds(i)));
        }
    }
}
