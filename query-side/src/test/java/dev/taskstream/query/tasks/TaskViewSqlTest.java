package dev.taskstream.query.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tags.TagCreated;
import dev.taskstream.api.tasks.DueDate;
import dev.taskstream.api.tasks.Priority;
import dev.taskstream.api.tasks.TaskCompleted;
import dev.taskstream.api.tasks.TaskCreated;
import dev.taskstream.api.tasks.TaskDeleted;
import dev.taskstream.api.tasks.TaskDueDateSet;
import dev.taskstream.api.tasks.TaskPage;
import dev.taskstream.api.tasks.TaskRenamed;
import dev.taskstream.api.tasks.TaskTagged;
import dev.taskstream.api.tasks.TaskView;
import dev.taskstream.query.support.QueryDatabase;
import dev.taskstream.query.tags.Tags;
import dev.taskstream.query.tags.TestTags;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The task-view projection and the list queries, on a real PostgreSQL with the module's migrations. */
class TaskViewSqlTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final JdbcClient jdbc = QueryDatabase.jdbc();
    private final TaskViewProjection projection = new TaskViewProjection(new TaskViewRepository(jdbc));
    private final TaskViewRepository views = new TaskViewRepository(jdbc);
    private final Tags tags = TestTags.over(jdbc);
    private final TaskList list = new TaskList(jdbc, tags, QueryDatabase.transactions());
    private final UserId owner = new UserId(UUID.randomUUID());

    @Test
    void eventsFoldIntoOneRow_andReplayingThemChangesNothing() {
        TagId home = TagId.random();
        TestTags.created(tags, new TagCreated(home, owner, "home", null));
        TaskId id = TaskId.random();
        Runnable all = () -> {
            projection.on(created(id, "Buy milk", null), 0, T0);
            projection.on(new TaskRenamed(id, "Buy oat milk"), 1, T0.plusSeconds(1));
            projection.on(new TaskDueDateSet(id, new DueDate(LocalDate.of(2026, 12, 24), LocalTime.of(18, 0), "Europe/Berlin")),
                    2, T0.plusSeconds(2));
            projection.on(new TaskTagged(id, home), 3, T0.plusSeconds(3));
            projection.on(new TaskCompleted(id), 4, T0.plusSeconds(4));
        };
        all.run();
        TaskView once = view(id);

        all.run();
        projection.on(new TaskRenamed(id, "an old rename, delivered again"), 1, T0.plusSeconds(9));

        assertThat(view(id)).isEqualTo(once);
        assertThat(once.title()).isEqualTo("Buy oat milk");
        assertThat(once.dueAt()).isEqualTo(Instant.parse("2026-12-24T17:00:00Z"));
        assertThat(once.tags()).extracting(tag -> tag.name()).containsExactly("home");
        assertThat(once.completedAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(once.updatedAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(once.version()).isEqualTo(4);
    }

    @Test
    void aDeletedTaskLeavesTheList_andAnotherOwnersTasksNeverShow() {
        TaskId kept = TaskId.random();
        TaskId deleted = TaskId.random();
        projection.on(created(kept, "kept", null), 0, T0);
        projection.on(created(deleted, "deleted", null), 0, T0.plusSeconds(1));
        projection.on(new TaskDeleted(deleted));
        UserId someoneElse = new UserId(UUID.randomUUID());

        assertThat(titles(page(Map.of()))).containsExactly("kept");
        assertThat(views.find(someoneElse, kept, Map.of())).isEmpty();
        assertThat(list.page(someoneElse, TaskListQuery.parse(Map.of())).items()).isEmpty();
    }

    @Test
    void searchRanksTitleMatchesFirst_andACursorWalksBothTiersWithoutGapsOrRepeats() {
        projection.on(created(TaskId.random(), "Oat milk", null), 0, T0);
        projection.on(created(TaskId.random(), "Groceries", "milk and bread"), 0, T0.plusSeconds(1));
        projection.on(created(TaskId.random(), "Milk the goat", null), 0, T0.plusSeconds(2));
        projection.on(created(TaskId.random(), "Water the fern", null), 0, T0.plusSeconds(3));

        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            TaskPage page = page(cursor == null ? Map.of("q", List.of("milk "), "limit", List.of("1"))
                    : Map.of("q", List.of("milk "), "limit", List.of("1"), "cursor", List.of(cursor)));
            walked.addAll(titles(page));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(walked).containsExactly("Milk the goat", "Oat milk", "Groceries");
    }

    @Test
    void countsAndTagFiltersAreScopedToTheOwner() {
        TagId home = TagId.random();
        TestTags.created(tags, new TagCreated(home, owner, "home", null));
        TaskId tagged = TaskId.random();
        projection.on(created(tagged, "sweep", null), 0, T0);
        projection.on(new TaskTagged(tagged, home), 1, T0.plusSeconds(1));
        projection.on(created(TaskId.random(), "read", null), 0, T0.plusSeconds(2));

        TaskPage page = page(Map.of("tag", List.of("home"), "count", List.of("true")));

        assertThat(titles(page)).containsExactly("sweep");
        assertThat(page.total()).isEqualTo(1);
        assertThat(page(Map.of("count", List.of("true"))).total()).isEqualTo(2);
    }

    private TaskCreated created(TaskId id, String title, String description) {
        return new TaskCreated(id, owner, title, description, null, Priority.NONE, Set.of(), null);
    }

    private TaskView view(TaskId id) {
        return views.find(owner, id, tags.byId(owner)).orElseThrow();
    }

    private TaskPage page(Map<String, List<String>> parameters) {
        return list.page(owner, TaskListQuery.parse(parameters));
    }

    private static List<String> titles(TaskPage page) {
        return page.items().stream().map(TaskView::title).toList();
    }
}
