package dev.taskstream.sagas.recurrence;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.SeriesId;
import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.Refusal;
import dev.taskstream.api.UserId;
import dev.taskstream.api.series.AdvanceSeries;
import dev.taskstream.api.series.OccurrenceScheduled;
import dev.taskstream.api.series.OccurrenceSkipped;
import dev.taskstream.api.series.Recurrence;
import dev.taskstream.api.series.RecurrenceMode;
import dev.taskstream.api.series.SeriesCreated;
import dev.taskstream.api.series.SeriesFinished;
import dev.taskstream.api.series.SeriesStopped;
import dev.taskstream.api.series.SeriesTemplate;
import dev.taskstream.api.series.SeriesTemplateChanged;
import dev.taskstream.api.series.StopSeries;
import dev.taskstream.api.tasks.CreateTask;
import dev.taskstream.api.tasks.DeleteTask;
import dev.taskstream.api.tasks.DueDate;
import dev.taskstream.api.tasks.Occurrence;
import dev.taskstream.api.tasks.Priority;
import dev.taskstream.api.tasks.ReminderSpec;
import dev.taskstream.api.tasks.TaskCompleted;
import dev.taskstream.api.tasks.TaskDeleted;
import dev.taskstream.api.tasks.UpdateTask;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecurrenceSagaTest {

    private static final TaskId FIRST = TaskId.random();
    private static final SeriesId SERIES = SeriesId.startedBy(FIRST);
    private static final TaskId SECOND = SERIES.occurrenceTaskId(2);
    private static final UserId OWNER = new UserId(UUID.randomUUID());
    private static final TagId WORK = TagId.random();
    private static final SeriesTemplate TEMPLATE = new SeriesTemplate("Stand-up", "room 4", Priority.HIGH, Set.of(WORK));
    private static final SeriesCreated CREATED = new SeriesCreated(SERIES, OWNER, TEMPLATE,
            new Recurrence("FREQ=DAILY;COUNT=2"), RecurrenceMode.FIXED, due(2));

    private SagaTestFixture<RecurrenceSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(RecurrenceSaga.class);
        fixture.registerResource(DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build());
    }

    @Test
    void startsWithTheSeries() {
        fixture.givenNoPriorActivity()
                .whenAggregate(SERIES.toString()).publishes(CREATED)
                .expectActiveSagas(1)
                .expectAssociationWith(RecurrenceSaga.SERIES, SERIES.toString())
                .expectNoDispatchedCommands();
    }

    @Test
    void createsEveryScheduledOccurrence_andFollowsIt() {
        fixture.givenAggregate(SERIES.toString()).published(CREATED)
                .whenAggregate(SERIES.toString()).publishes(scheduled(1, FIRST))
                .expectDispatchedCommands(createTask(1, FIRST))
                .expectAssociationWith(RecurrenceSaga.TASK, FIRST.toString());
    }

    @Test
    void completingTheOccurrenceAsksTheSeriesForTheNext() {
        fixture.givenAggregate(SERIES.toString()).published(CREATED, scheduled(1, FIRST))
                .whenAggregate(FIRST.toString()).publishes(new TaskCompleted(FIRST))
                .expectDispatchedCommands(new AdvanceSeries(SERIES, 1, fixture.currentTime()))
                .expectNoAssociationWith(RecurrenceSaga.TASK, FIRST.toString());
    }

    @Test
    void theNextOccurrenceIsCreatedOnceTheSeriesSchedulesIt() {
        fixture.givenAggregate(SERIES.toString()).published(CREATED, scheduled(1, FIRST))
                .andThenAggregate(FIRST.toString()).published(new TaskCompleted(FIRST))
                .whenAggregate(SERIES.toString()).publishes(scheduled(2, SECOND))
                .expectDispatchedCommands(createTask(2, SECOND))
                .expectAssociationWith(RecurrenceSaga.TASK, SECOND.toString());
    }

    @Test
    void deletingTheOccurrenceAdvancesTheSeriesToo() {
        fixture.givenAggregate(SERIES.toString()).published(CREATED, scheduled(1, FIRST))
                .whenAggregate(FIRST.toString()).publishes(new TaskDeleted(FIRST))
                .expectDispatchedCommands(new AdvanceSeries(SERIES, 1, fixture.currentTime()));
    }

    @Test
    void anOccurrenceDoneBeforeAdvancesNothingWhenCompletedAgain() {
        fixture.givenAggregate(SERIES.toString()).published(CREATED, scheduled(1, FIRST))
                .andThenAggregate(FIRST.toString()).published(new TaskCompleted(FIRST))
                .andThenAggregate(SERIES.toString()).published(scheduled(2, SECOND))
                .whenAggregate(FIRST.toString()).publishes(new TaskCompleted(FIRST))
                .expectNoDispatchedCommands();
    }

    @Test
    void endsWhenTheRuleRunsOut() {
        fixture.givenAggregate(SERIES.toString()).published(CREATED, scheduled(1, FIRST))
                .andThenAggregate(FIRST.toString()).published(new TaskCompleted(FIRST))
                .andThenAggregate(SERIES.toString()).published(scheduled(2, SECOND))
                .andThenAggregate(SECOND.toString()).published(new TaskCompleted(SECOND))
                .whenAggregate(SERIES.toString()).publishes(new SeriesFinished(SERIES))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void endsWhenStopped_leavingTheOpenOccurrenceAlone() {
        fixture.givenAggregate(SERIES.toString()).published(CREATED, scheduled(1, FIRST))
                .whenAggregate(SERIES.toString()).publishes(new SeriesStopped(SERIES))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void aSkippedOccurrenceIsDeleted_andItsDeletionAdvancesNothing() {
        fixture.givenAggregate(SERIES.toString()).published(CREATED, scheduled(1, FIRST))
                .whenAggregate(SERIES.toString()).publishes(new OccurrenceSkipped(SERIES, 1, FIRST))
                .expectDispatchedCommands(new DeleteTask(FIRST, OWNER))
                .expectNoAssociationWith(RecurrenceSaga.TASK, FIRST.toString());
    }

    @Test
    void aSkipThatCameAfterTheCompletionDeletesNothing() {
        fixture.givenAggregate(SERIES.toString()).published(CREATED, scheduled(1, FIRST))
                .andThenAggregate(FIRST.toString()).published(new TaskCompleted(FIRST))
                .whenAggregate(SERIES.toString()).publishes(new OccurrenceSkipped(SERIES, 1, FIRST))
                .expectNoDispatchedCommands();
    }

    @Test
    void aSkippedOccurrenceTheOwnerDeletedMeanwhileIsNoFailure() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof DeleteTask) {
                throw new Refusal(ErrorCode.TASK_DELETED, null, "gone").asCommandFailure(null);
            }
            return null;
        });
        fixture.givenAggregate(SERIES.toString()).published(CREATED, scheduled(1, FIRST))
                .whenAggregate(SERIES.toString()).publishes(new OccurrenceSkipped(SERIES, 1, FIRST))
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(new DeleteTask(FIRST, OWNER));
    }

    @Test
    void theOpenOccurrenceFollowsTheTemplateInTheFieldsThatChanged() {
        TagId home = TagId.random();
        SeriesTemplate edited = new SeriesTemplate("Stand-up", null, Priority.LOW, Set.of(home));
        fixture.givenAggregate(SERIES.toString()).published(CREATED, scheduled(1, FIRST))
                .whenAggregate(SERIES.toString()).publishes(new SeriesTemplateChanged(SERIES, edited))
                .expectDispatchedCommands(new UpdateTask(FIRST, OWNER, null, "", null, false, Priority.LOW,
                        Set.of(home), Set.of(WORK)));
    }

    @Test
    void theOpenOccurrenceGetsTheTemplatesNewReminders() {
        List<ReminderSpec> halfHour = List.of(ReminderSpec.before(Duration.ofMinutes(30)));
        SeriesTemplate withReminder = new SeriesTemplate("Stand-up", "room 4", Priority.HIGH, Set.of(WORK), halfHour);
        fixture.givenAggregate(SERIES.toString()).published(CREATED, scheduled(1, FIRST))
                .whenAggregate(SERIES.toString()).publishes(new SeriesTemplateChanged(SERIES, withReminder))
                .expectDispatchedCommands(new UpdateTask(FIRST, OWNER, null, null, null, false, null, Set.of(WORK),
                        Set.of(), halfHour, null));
    }

    @Test
    void aTemplateChangeLeavesDoneOccurrencesAlone() {
        fixture.givenAggregate(SERIES.toString()).published(CREATED, scheduled(1, FIRST))
                .andThenAggregate(FIRST.toString()).published(new TaskCompleted(FIRST))
                .whenAggregate(SERIES.toString()).publishes(new SeriesTemplateChanged(SERIES,
                        new SeriesTemplate("Sit-down", null, Priority.NONE, Set.of())))
                .expectNoDispatchedCommands();
    }

    @Test
    void anOccurrenceWhoseIdIsTakenStopsTheSeries() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof CreateTask) {
                throw new Refusal(ErrorCode.CONFLICT, "id", "taken").asCommandFailure(null);
            }
            return null;
        });
        fixture.givenAggregate(SERIES.toString()).published(CREATED)
                .whenAggregate(SERIES.toString()).publishes(scheduled(1, FIRST))
                .expectDispatchedCommands(createTask(1, FIRST), new StopSeries(SERIES, OWNER))
                .expectNoAssociationWith(RecurrenceSaga.TASK, FIRST.toString());
    }

    private static OccurrenceScheduled scheduled(int index, TaskId task) {
        return new OccurrenceScheduled(SERIES, index, task, OWNER, TEMPLATE, due(index + 1));
    }

    private static CreateTask createTask(int index, TaskId task) {
        return new CreateTask(task, OWNER, "Stand-up", "room 4", due(index + 1), Priority.HIGH, Set.of(WORK),
                new Occurrence(SERIES, index));
    }

    private static DueDate due(int dayOfMarch) {
        return new DueDate(LocalDate.of(2026, 3, dayOfMarch), LocalTime.of(9, 0), "Europe/Berlin");
    }
}
