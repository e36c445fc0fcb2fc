package dev.taskstream.query.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tags.TagCreated;
import dev.taskstream.api.tasks.Priority;
import dev.taskstream.api.tasks.TaskCreated;
import dev.taskstream.api.tasks.TaskDeleted;
import dev.taskstream.api.tasks.TaskRenamed;
import dev.taskstream.api.tasks.TaskTagged;
import dev.taskstream.query.stream.TestChangeLog;
import dev.taskstream.query.support.QueryDatabase;
import dev.taskstream.query.tags.Tags;
import dev.taskstream.query.tags.TestTags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What one batch of task events tells each owner's devices: one message per task, in its state at commit, with
 * its owner's tags (never another's), at consecutive positions per owner, however many tasks and owners the batch
 * mixes.
 */
class TaskViewStreamTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final JdbcClient jdbc = QueryDatabase.jdbc();
    private final Tags tags = TestTags.over(jdbc);
    private final TaskViewProjection projection =
            new TaskViewProjection(new TaskViewRepository(jdbc), TestChangeLog.over(jdbc, JSON));
    private final UserId ann = new UserId(UUID.randomUUID());
    private final UserId bob = new UserId(UUID.randomUUID());

    @Test
    void aBatchMixingOwnersTellsEachOwnerTheFinalStateOfEachOfTheirTasks() throws Exception {
        TagId home = TagId.random();
        TestTags.created(tags, new TagCreated(home, ann, "home", null));
        TaskId milk = TaskId.random();
        TaskId bread = TaskId.random();
        TaskId call = TaskId.random();
        TaskId gone = TaskId.random();

        inOneBatch(() -> {
            projection.on(created(milk, ann, "Buy milk"), 0, T0);
            projection.on(created(bread, ann, "Buy bread"), 0, T0);
            projection.on(created(call, bob, "Call mum"), 0, T0);
            projection.on(new TaskTagged(call, home), 1, T0);
            projection.on(new TaskTagged(milk, home), 1, T0);
            projection.on(created(gone, bob, "Soon deleted"), 0, T0);
            projection.on(new TaskRenamed(bread, "Buy rye bread"), 1, T0);
            projection.on(new TaskDeleted(gone));
        });

        List<JsonNode> annSees = messages(ann);
        assertThat(annSees).extracting(m -> m.get("position").asLong()).containsExactly(1L, 2L);
        assertThat(annSees).extracting(m -> m.get("type").asText()).containsExactly("task.upserted", "task.upserted");
        assertThat(annSees).extracting(m -> m.at("/task/title").asText()).containsExactly("Buy milk", "Buy rye bread");
        assertThat(annSees.get(0).at("/task/tags/0/name").asText()).isEqualTo("home");
        assertThat(annSees.get(1).at("/task/version").asLong()).isEqualTo(1);

        List<JsonNode> bobSees = messages(bob);
        assertThat(bobSees).extracting(m -> m.get("position").asLong()).containsExactly(1L, 2L);
        assertThat(bobSees).extracting(m -> m.get("type").asText()).containsExactly("task.upserted", "task.deleted");
        assertThat(bobSees.get(0).at("/task/title").asText()).isEqualTo("Call mum");
        assertThat(bobSees.get(0).at("/task/tags")).isEmpty();
        assertThat(bobSees.get(1).get("id").asText()).isEqualTo(gone.value().toString());

        inOneBatch(() -> projection.on(new TaskRenamed(call, "Call mum back"), 2, T0));

        assertThat(messages(bob)).extracting(m -> m.get("position").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(messages(ann)).hasSize(2);
    }

    private static void inOneBatch(Runnable events) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        events.run();
        batch.commit();
    }

    private List<JsonNode> messages(UserId owner) throws Exception {
        List<String> texts = jdbc.sql("SELECT message FROM change_log WHERE owner_id = ? ORDER BY position")
                .param(owner.value())
                .query(String.class)
                .list();
        List<JsonNode> messages = new ArrayList<>();
        for (String text : texts) {
            messages.add(JSON.readTree(text));
        }
        return messages;
    }

    private static TaskCreated created(TaskId id, UserId owner, String title) {
        return new TaskCreated(id, owner, title, null, null, Priority.NONE, Set.of(), null);
    }
}
