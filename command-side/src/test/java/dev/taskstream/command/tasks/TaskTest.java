package dev.taskstream.command.tasks;

import static dev.taskstream.command.Refusals.refusal;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.SeriesId;
import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tasks.CompleteTask;
import dev.taskstream.api.tasks.CreateNewTask;
import dev.taskstream.api.tasks.CreateTask;
import dev.taskstream.api.tasks.DeleteTask;
import dev.taskstream.api.tasks.DueDate;
import dev.taskstream.api.tasks.EditConflict;
import dev.taskstream.api.tasks.Occurrence;
import dev.taskstream.api.tasks.Priority;
import dev.taskstream.api.tasks.ReopenTask;
import dev.taskstream.api.tasks.TaskCompleted;
import dev.taskstream.api.tasks.TaskCreated;
import dev.taskstream.api.tasks.TaskDeleted;
import dev.taskstream.api.tasks.TaskDescribed;
import dev.taskstream.api.tasks.TaskDueDateCleared;
import dev.taskstream.api.tasks.TaskDueDateSet;
import dev.taskstream.api.tasks.TaskPrioritized;
import dev.taskstream.api.tasks.TaskRenamed;
import dev.taskstream.api.tasks.TaskReopened;
import dev.taskstream.api.tasks.TaskTagged;
import dev.taskstream.api.tasks.TaskUntagged;
import dev.taskstream.api.tasks.UpdateTask;
import dev.taskstream.command.tags.InMemoryTagNames;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskTest {

    private static final TaskId TASK = TaskId.random();
    private static final UserId OWNER = new UserId(UUID.randomUUID());
    private static final UserId STRANGER = new UserId(UUID.randomUUID());
    private static final TagId HOME = TagId.random();
    private static final TagId WORK = TagId.random();
    private static final TagId GARDEN = TagId.random();
    private static final TaskCreated CREATED = created("Buy milk", null);
    private static final Occurrence THIRD = new Occurrence(SeriesId.random(), 3);

    private FixtureConfiguration<Task> fixture;
    private InMemoryTagNames tagNames;

    @BeforeEach
    void setUp() {
        tagNames = new InMemoryTagNames();
        Stream.of(HOME, WORK, GARDEN).forEach(tag -> tagNames.claim(OWNER, tag.toString(), tag));
        fixture = new AggregateTestFixture<>(Task.class);
        fixture.registerInjectableResource(tagNames);
    }

    @Test
    void createsATaskWithATrimmedTitle() {
        fixture.givenNoPriorActivity()
                .when(create("  Buy milk \n", "2 litres"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created("Buy milk", "2 litres"));
    }

    @Test
    void createsANewTaskWithoutLookingForAnExistingOne() {
        fixture.givenNoPriorActivity()
                .when(new CreateNewTask(TASK, OWNER, "  Buy milk \n", "2 litres", null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(0L)
                .expectEvents(created("Buy milk", "2 litres"));
        expectInvalidField(fixture.givenNoPriorActivity()
                .when(new CreateNewTask(TASK, OWNER, " ", null, null, null, Set.of())), "title");
    }

    @Test
    void treatsABlankDescriptionAsNone() {
        fixture.givenNoPriorActivity()
                .when(create("Buy milk", "   "))
                .expectEvents(CREATED);
    }

    @Test
    void cannotCreateATaskWithABlankTitle() {
        expectInvalidField(fixture.givenNoPriorActivity().when(create(" \t ", null)), "title");
    }

    @Test
    void cannotCreateATaskWithoutATitle() {
        expectInvalidField(fixture.givenNoPriorActivity().when(create(null, null)), "title");
    }

    @Test
    void acceptsATitleOfExactly500CharactersButNot501() {
        fixture.givenNoPriorActivity()
                .when(create("a".repeat(500), null))
                .expectEvents(created("a".repeat(500), null));
        expectInvalidField(fixture.givenNoPriorActivity().when(create("a".repeat(501), null)), "title");
    }

    @Test
    void cannotCreateATaskWithADescriptionOver20000Characters() {
        expectInvalidField(fixture.givenNoPriorActivity()
                .when(create("Read", "x".repeat(20_001))), "description");
    }

    @Test
    void renamesAndDescribesInOneUpdate() {
        fixture.given(CREATED)
                .when(UpdateTask.details(TASK, OWNER, "Buy oat milk", "the barista kind"))
                .expectEvents(new TaskRenamed(TASK, "Buy oat milk"), new TaskDescribed(TASK, "the barista kind"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void anUpdateThatChangesNothingEmitsNothing() {
        fixture.given(CREATED)
                .when(UpdateTask.details(TASK, OWNER, " Buy milk ", null))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void anEmptyDescriptionClearsIt() {
        fixture.given(created("Buy milk", "2 litres"))
                .when(UpdateTask.details(TASK, OWNER, null, ""))
                .expectEvents(new TaskDescribed(TASK, null));
    }

    @Test
    void cannotRenameToABlankTitle() {
        expectInvalidField(fixture.given(CREATED).when(UpdateTask.details(TASK, OWNER, "", null)), "title");
    }

    @Test
    void anInvalidFieldRejectsTheWholeUpdate() {
        expectInvalidField(fixture.given(CREATED)
                .when(UpdateTask.details(TASK, OWNER, "New title", "x".repeat(20_001))), "description");
    }

    @Test
    void completesAnOpenTaskAndAnswersTheNewVersion() {
        fixture.given(CREATED)
                .when(new CompleteTask(TASK, OWNER))
                .expectEvents(new TaskCompleted(TASK))
                .expectResultMessagePayload(1L);
    }

    @Test
    void completingACompletedTaskIsANoOp() {
        fixture.given(CREATED, new TaskCompleted(TASK))
                .when(new CompleteTask(TASK, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void reopensACompletedTask() {
        fixture.given(CREATED, new TaskCompleted(TASK))
                .when(new ReopenTask(TASK, OWNER))
                .expectEvents(new TaskReopened(TASK));
    }

    @Test
    void reopeningAnOpenTaskIsANoOp() {
        fixture.given(CREATED)
                .when(new ReopenTask(TASK, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void deletesATask() {
        fixture.given(CREATED)
                .when(new DeleteTask(TASK, OWNER))
                .expectEvents(new TaskDeleted(TASK));
    }

    @Test
    void nobodyButTheOwnerCanChangeATask() {
        expectCode(fixture.given(CREATED).when(UpdateTask.details(TASK, STRANGER, "Mine now", null)), ErrorCode.TASK_NOT_FOUND);
        expectCode(fixture.given(CREATED).when(new CompleteTask(TASK, STRANGER)), ErrorCode.TASK_NOT_FOUND);
        expectCode(fixture.given(CREATED).when(new ReopenTask(TASK, STRANGER)), ErrorCode.TASK_NOT_FOUND);
        expectCode(fixture.given(CREATED).when(new DeleteTask(TASK, STRANGER)), ErrorCode.TASK_NOT_FOUND);
    }

    @Test
    void aDeletedTaskAcceptsNoMoreChanges() {
        TaskDeleted deleted = new TaskDeleted(TASK);
        expectCode(fixture.given(CREATED, deleted).when(UpdateTask.details(TASK, OWNER, "Again", null)), ErrorCode.TASK_DELETED);
        expectCode(fixture.given(CREATED, deleted).when(new CompleteTask(TASK, OWNER)), ErrorCode.TASK_DELETED);
        expectCode(fixture.given(CREATED, deleted).when(new ReopenTask(TASK, OWNER)), ErrorCode.TASK_DELETED);
        expectCode(fixture.given(CREATED, deleted).when(new DeleteTask(TASK, OWNER)), ErrorCode.TASK_DELETED);
    }

    @Test
    void aStrangerLearnsNothingAboutADeletedTask() {
        expectCode(fixture.given(CREATED, new TaskDeleted(TASK)).when(new CompleteTask(TASK, STRANGER)),
                ErrorCode.TASK_NOT_FOUND);
    }

    @Test
    void createsATaskWithDueDatePriorityAndTags() {
        DueDate due = new DueDate(LocalDate.of(2026, 12, 24), LocalTime.of(18, 0), "Europe/Berlin");
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, OWNER, "Wrap presents", null, due, Priority.HIGH, Set.of(HOME), null))
                .expectEvents(new TaskCreated(TASK, OWNER, "Wrap presents", null, due, Priority.HIGH, Set.of(HOME), null));
    }

    @Test
    void anOccurrenceOfASeriesKnowsWhichOneItIs() {
        fixture.givenNoPriorActivity()
                .when(createThird())
                .expectEvents(new TaskCreated(TASK, OWNER, "Stand-up", null, null, Priority.NONE, Set.of(), THIRD))
                .expectResultMessagePayload(0L);
    }

    @Test
    void creatingTheSameOccurrenceAgainIsANoOp() {
        fixture.given(new TaskCreated(TASK, OWNER, "Stand-up", null, null, Priority.NONE, Set.of(), THIRD),
                        new TaskCompleted(TASK))
                .when(createThird())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void aTakenIdCannotBeCreatedAgain() {
        expectInvalid(fixture.given(CREATED).when(create("Buy milk", null)), ErrorCode.CONFLICT, "id");
        expectInvalid(fixture.given(CREATED).when(createThird()), ErrorCode.CONFLICT, "id");
        expectInvalid(fixture.given(new TaskCreated(TASK, OWNER, "Stand-up", null, null, Priority.NONE, Set.of(), THIRD))
                .when(new CreateTask(TASK, OWNER, "Stand-up", null, null, null, Set.of(), new Occurrence(SeriesId.random(), 3))),
                ErrorCode.CONFLICT, "id");
    }

    private static CreateTask createThird() {
        return new CreateTask(TASK, OWNER, "Stand-up", null, null, null, Set.of(), THIRD);
    }

    @Test
    void cannotUseAZoneThatIsNotIana() {
        DueDate offsetZone = new DueDate(LocalDate.of(2026, 12, 24), null, "+02:00");
        DueDate unknownZone = new DueDate(LocalDate.of(2026, 12, 24), null, "Mars/Olympus");
        expectInvalidField(fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, OWNER, "x", null, offsetZone, null, Set.of(), null)), "due.timeZone");
        expectInvalidField(fixture.given(CREATED).when(update().due(unknownZone).build()), "due.timeZone");
    }

    @Test
    void cannotSetADueDateWithoutADate() {
        expectInvalidField(fixture.given(CREATED)
                .when(update().due(new DueDate(null, LocalTime.NOON, "UTC")).build()), "due.date");
    }

    @Test
    void movesAndClearsTheDueDate() {
        DueDate friday = new DueDate(LocalDate.of(2026, 11, 27), null, "America/New_York");
        fixture.given(CREATED).when(update().due(friday).build()).expectEvents(new TaskDueDateSet(TASK, friday));
        fixture.given(CREATED, new TaskDueDateSet(TASK, friday))
                .when(update().due(friday).build())
                .expectNoEvents();
        fixture.given(CREATED, new TaskDueDateSet(TASK, friday))
                .when(update().clearDue().build())
                .expectEvents(new TaskDueDateCleared(TASK));
    }

    @Test
    void changesThePriority() {
        fixture.given(CREATED).when(update().priority(Priority.LOW).build()).expectEvents(new TaskPrioritized(TASK, Priority.LOW));
        fixture.given(CREATED).when(update().priority(Priority.NONE).build()).expectNoEvents();
    }

    @Test
    void tagsAndUntagsOnlyWhatChanges() {
        fixture.given(CREATED, new TaskTagged(TASK, HOME))
                .when(update().add(HOME, WORK).remove(GARDEN).build())
                .expectEvents(new TaskTagged(TASK, WORK));
        fixture.given(CREATED, new TaskTagged(TASK, HOME))
                .when(update().remove(HOME).build())
                .expectEvents(new TaskUntagged(TASK, HOME));
    }

    @Test
    void aTaskHasAtMostTwentyTags() {
        Set<TagId> twenty = Stream.generate(TagId::random).limit(20).collect(Collectors.toSet());
        twenty.forEach(tag -> tagNames.claim(OWNER, tag.toString(), tag));
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, OWNER, "busy", null, null, null, twenty, null))
                .expectSuccessfulHandlerExecution();
        expectInvalidField(fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, OWNER, "busy", null, null, null, union(twenty, HOME), null)), "tags");
        expectInvalidField(fixture.given(new TaskCreated(TASK, OWNER, "busy", null, null, null, twenty, null))
                .when(update().add(HOME).build()), "tags");
        fixture.given(new TaskCreated(TASK, OWNER, "busy", null, null, null, twenty, null))
                .when(update().add(HOME).remove(twenty.iterator().next()).build())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void tagsDeletedSinceTheyWerePutOnATaskComeOffAtItsNextUpdate() {
        tagNames.release(GARDEN);
        fixture.given(CREATED, new TaskTagged(TASK, HOME), new TaskTagged(TASK, GARDEN))
                .when(UpdateTask.details(TASK, OWNER, "Buy more milk", null))
                .expectEvents(new TaskRenamed(TASK, "Buy more milk"), new TaskUntagged(TASK, GARDEN));
    }

    private static TaskCreated created(String title, String description) {
        return new TaskCreated(TASK, OWNER, title, description, null, Priority.NONE, Set.of(), null);
    }

    private static CreateTask create(String title, String description) {
        return new CreateTask(TASK, OWNER, title, description, null, null, Set.of(), null);
    }

    private static Set<TagId> union(Set<TagId> tags, TagId more) {
        Set<TagId> all = new HashSet<>(tags);
        all.add(more);
        return all;
    }

    private static UpdateBuilder update() {
        return new UpdateBuilder();
    }

    /** Reads better in tests than a nine-argument constructor. */
    private static final class UpdateBuilder {
        private DueDate due;
        private boolean clearDue;
        private Priority priority;
        private final Set<TagId> add = new HashSet<>();
        private final Set<TagId> remove = new HashSet<>();

        UpdateBuilder due(DueDate value) {
            due = value;
            return this;
        }

        UpdateBuilder clearDue() {
            clearDue = true;
            return this;
        }

        UpdateBuilder priority(Priority value) {
            priority = value;
            return this;
        }

        UpdateBuilder add(TagId... tags) {
            add.addAll(List.of(tags));
            return this;
        }

        UpdateBuilder remove(TagId... tags) {
            remove.addAll(List.of(tags));
            return this;
        }

        UpdateTask build() {
            return new UpdateTask(TASK, OWNER, null, null, due, clearDue, priority, add, remove);
        }
    }

    private static void expectInvalidField(ResultValidator<Task> result, String field) {
        expectInvalid(result, ErrorCode.INVALID_FIELD, field);
    }

    private static void expectInvalid(ResultValidator<Task> result, ErrorCode code, String field) {
        result.expectNoEvents().expectException(refusal(code, field));
    }

    @Test
    void mergesAStaleEditOfAnotherField() {
        fixture.given(CREATED, new TaskRenamed(TASK, "Buy oat milk"))
                .when(new UpdateTask(TASK, OWNER, null, null, null, false, Priority.HIGH, Set.of(), Set.of(), null, 0L))
                .expectEvents(new TaskPrioritized(TASK, Priority.HIGH));
    }

    @Test
    void refusesAStaleEditOfAFieldThatChangedSinceAndNamesIt() {
        fixture.given(CREATED, new TaskRenamed(TASK, "Buy oat milk"), new TaskPrioritized(TASK, Priority.LOW))
                .when(new UpdateTask(TASK, OWNER, "Buy soy milk", null, null, false, Priority.HIGH, Set.of(), Set.of(), null, 0L))
                .expectNoEvents()
                .expectException(EditConflict.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("[priority, title]"));
    }

    @Test
    void refusesAStaleCompletionAfterAReopenButNotAfterARename() {
        fixture.given(CREATED, new TaskCompleted(TASK), new TaskReopened(TASK))
                .when(new CompleteTask(TASK, OWNER, 1L))
                .expectException(EditConflict.class);
        fixture.given(CREATED, new TaskRenamed(TASK, "Buy oat milk"))
                .when(new CompleteTask(TASK, OWNER, 0L))
                .expectEvents(new TaskCompleted(TASK));
    }

    private static void expectCode(ResultValidator<Task> result, ErrorCode code) {
        result.expectNoEvents().expectException(refusal(code, null));
    }
}
