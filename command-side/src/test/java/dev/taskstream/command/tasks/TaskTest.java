package dev.taskstream.command.tasks;

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
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskTest {

    private static final TaskId TASK = TaskId.random();
    private static final UserId OWNER = new UserId(UUID.randomUUID());
    private static final UserId STRANGER = new UserId(UUID.randomUUID());
    private static final TaskCreated CREATED = new TaskCreated(TASK, OWNER, "Buy milk", null);

    private FixtureConfiguration<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
    }

    @Test
    void createsATaskWithATrimmedTitle() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, OWNER, "  Buy milk \n", "2 litres"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TaskCreated(TASK, OWNER, "Buy milk", "2 litres"));
    }

    @Test
    void treatsABlankDescriptionAsNone() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, OWNER, "Buy milk", "   "))
                .expectEvents(CREATED);
    }

    @Test
    void cannotCreateATaskWithABlankTitle() {
        expectInvalidField(fixture.givenNoPriorActivity().when(new CreateTask(TASK, OWNER, " \t ", null)), "title");
    }

    @Test
    void cannotCreateATaskWithoutATitle() {
        expectInvalidField(fixture.givenNoPriorActivity().when(new CreateTask(TASK, OWNER, null, null)), "title");
    }

    @Test
    void acceptsATitleOfExactly500CharactersButNot501() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, OWNER, "a".repeat(500), null))
                .expectEvents(new TaskCreated(TASK, OWNER, "a".repeat(500), null));
        expectInvalidField(fixture.givenNoPriorActivity().when(new CreateTask(TASK, OWNER, "a".repeat(501), null)), "title");
    }

    @Test
    void cannotCreateATaskWithADescriptionOver20000Characters() {
        expectInvalidField(fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, OWNER, "Read", "x".repeat(20_001))), "description");
    }

    @Test
    void renamesAndDescribesInOneUpdate() {
        fixture.given(CREATED)
                .when(new UpdateTask(TASK, OWNER, "Buy oat milk", "the barista kind"))
                .expectEvents(new TaskRenamed(TASK, "Buy oat milk"), new TaskDescribed(TASK, "the barista kind"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void anUpdateThatChangesNothingEmitsNothing() {
        fixture.given(CREATED)
                .when(new UpdateTask(TASK, OWNER, " Buy milk ", null))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void anEmptyDescriptionClearsIt() {
        fixture.given(new TaskCreated(TASK, OWNER, "Buy milk", "2 litres"))
                .when(new UpdateTask(TASK, OWNER, null, ""))
                .expectEvents(new TaskDescribed(TASK, null));
    }

    @Test
    void cannotRenameToABlankTitle() {
        expectInvalidField(fixture.given(CREATED).when(new UpdateTask(TASK, OWNER, "", null)), "title");
    }

    @Test
    void anInvalidFieldRejectsTheWholeUpdate() {
        expectInvalidField(fixture.given(CREATED)
                .when(new UpdateTask(TASK, OWNER, "New title", "x".repeat(20_001))), "description");
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
        expectCode(fixture.given(CREATED).when(new UpdateTask(TASK, STRANGER, "Mine now", null)), ErrorCode.TASK_NOT_FOUND);
        expectCode(fixture.given(CREATED).when(new CompleteTask(TASK, STRANGER)), ErrorCode.TASK_NOT_FOUND);
        expectCode(fixture.given(CREATED).when(new ReopenTask(TASK, STRANGER)), ErrorCode.TASK_NOT_FOUND);
        expectCode(fixture.given(CREATED).when(new DeleteTask(TASK, STRANGER)), ErrorCode.TASK_NOT_FOUND);
    }

    @Test
    void aDeletedTaskAcceptsNoMoreChanges() {
        TaskDeleted deleted = new TaskDeleted(TASK);
        expectCode(fixture.given(CREATED, deleted).when(new UpdateTask(TASK, OWNER, "Again", null)), ErrorCode.TASK_DELETED);
        expectCode(fixture.given(CREATED, deleted).when(new CompleteTask(TASK, OWNER)), ErrorCode.TASK_DELETED);
        expectCode(fixture.given(CREATED, deleted).when(new ReopenTask(TASK, OWNER)), ErrorCode.TASK_DELETED);
        expectCode(fixture.given(CREATED, deleted).when(new DeleteTask(TASK, OWNER)), ErrorCode.TASK_DELETED);
    }

    @Test
    void aStrangerLearnsNothingAboutADeletedTask() {
        expectCode(fixture.given(CREATED, new TaskDeleted(TASK)).when(new CompleteTask(TASK, STRANGER)),
                ErrorCode.TASK_NOT_FOUND);
    }

    private static void expectInvalidField(ResultValidator<Task> result, String field) {
        result.expectNoEvents().expectException(refusal(ErrorCode.INVALID_FIELD, field));
    }

    private static void expectCode(ResultValidator<Task> result, ErrorCode code) {
        result.expectNoEvents().expectException(refusal(code, null));
    }

    private static Matcher<TaskstreamException> refusal(ErrorCode code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(TaskstreamException refused) {
                return refused.code() == code && Objects.equals(refused.field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with code " + code + " naming field " + field);
            }
        };
    }
}
