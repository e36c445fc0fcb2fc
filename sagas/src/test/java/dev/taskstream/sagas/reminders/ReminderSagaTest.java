package dev.taskstream.sagas.reminders;

import dev.taskstream.api.ReminderId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tasks.DueDate;
import dev.taskstream.api.tasks.FireReminder;
import dev.taskstream.api.tasks.Reminder;
import dev.taskstream.api.tasks.ReminderFired;
import dev.taskstream.api.tasks.ReminderSnoozed;
import dev.taskstream.api.tasks.ReminderSpec;
import dev.taskstream.api.tasks.TaskCompleted;
import dev.taskstream.api.tasks.TaskDeleted;
import dev.taskstream.api.tasks.TaskDueDateCleared;
import dev.taskstream.api.tasks.TaskDueDateSet;
import dev.taskstream.api.tasks.TaskRemindersSet;
import dev.taskstream.api.tasks.TaskReopened;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every path that schedules, moves or cancels a reminder's deadline, on the fixture's controllable clock. */
class ReminderSagaTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final TaskId TASK = TaskId.random();
    private static final String AGGREGATE = TASK.toString();
    /** 2026-03-02 10:00 in Berlin is 09:00 UTC. */
    private static final DueDate DUE = new DueDate(LocalDate.of(2026, 3, 2), LocalTime.of(10, 0), "Europe/Berlin");
    private static final Instant DUE_AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final Reminder HALF_HOUR_BEFORE = new Reminder(ReminderId.nth(TASK, 1),
            ReminderSpec.before(Duration.ofMinutes(30)));
    private static final Instant HALF_HOUR_BEFORE_AT = DUE_AT.minus(Duration.ofMinutes(30));
    private static final Instant ABSOLUTE_AT = Instant.parse("2026-03-02T12:00:00Z");
    private static final Reminder AT_NOON = new Reminder(ReminderId.nth(TASK, 2), ReminderSpec.at(ABSOLUTE_AT));

    private SagaTestFixture<ReminderSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ReminderSaga.class);
        fixture.registerResource(DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build());
        fixture.givenCurrentTime(NOW);
    }

    @Test
    void settingRemindersSchedulesOneDeadlinePerReminder() {
        fixture.givenNoPriorActivity()
                .whenAggregate(AGGREGATE).publishes(set(HALF_HOUR_BEFORE, AT_NOON))
                .expectActiveSagas(1)
                .expectAssociationWith(ReminderSaga.TASK, AGGREGATE)
                .expectScheduledDeadline(HALF_HOUR_BEFORE_AT, due(HALF_HOUR_BEFORE, HALF_HOUR_BEFORE_AT))
                .expectScheduledDeadline(ABSOLUTE_AT, due(AT_NOON, ABSOLUTE_AT))
                .expectNoDispatchedCommands();
    }

    @Test
    void aReminderAlreadyPastWhenSetIsNeverScheduled() {
        Reminder past = new Reminder(ReminderId.nth(TASK, 3), ReminderSpec.at(NOW.minusSeconds(1)));
        fixture.givenNoPriorActivity()
                .whenAggregate(AGGREGATE).publishes(set(past))
                .expectActiveSagas(1)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aReminderDueRightNowIsScheduled() {
        Reminder now = new Reminder(ReminderId.nth(TASK, 3), ReminderSpec.at(NOW));
        fixture.givenNoPriorActivity()
                .whenAggregate(AGGREGATE).publishes(set(now))
                .expectScheduledDeadline(NOW, due(now, NOW));
    }

    @Test
    void whenTheDeadlinePassesTheTaskIsAskedToRecordTheFiring() {
        fixture.givenAggregate(AGGREGATE).published(set(HALF_HOUR_BEFORE))
                .whenTimeAdvancesTo(HALF_HOUR_BEFORE_AT)
                .expectDeadlinesMet(due(HALF_HOUR_BEFORE, HALF_HOUR_BEFORE_AT))
                .expectDispatchedCommands(new FireReminder(TASK, HALF_HOUR_BEFORE.id(), HALF_HOUR_BEFORE_AT, null));
    }

    @Test
    void movingTheDueDateMovesRelativeRemindersOnly() {
        DueDate later = new DueDate(LocalDate.of(2026, 3, 3), LocalTime.of(10, 0), "Europe/Berlin");
        Instant movedAt = Instant.parse("2026-03-03T08:30:00Z");
        fixture.givenAggregate(AGGREGATE).published(set(HALF_HOUR_BEFORE, AT_NOON))
                .whenAggregate(AGGREGATE).publishes(new TaskDueDateSet(TASK, later))
                .expectScheduledDeadline(movedAt, due(HALF_HOUR_BEFORE, movedAt))
                .expectScheduledDeadline(ABSOLUTE_AT, due(AT_NOON, ABSOLUTE_AT))
                .expectNoScheduledDeadline(HALF_HOUR_BEFORE_AT, due(HALF_HOUR_BEFORE, HALF_HOUR_BEFORE_AT));
    }

    @Test
    void changingTheZoneMovesRelativeReminders() {
        DueDate inLondon = new DueDate(DUE.date(), DUE.time(), "Europe/London");
        Instant londonAt = Instant.parse("2026-03-02T09:30:00Z");
        fixture.givenAggregate(AGGREGATE).published(set(HALF_HOUR_BEFORE))
                .whenAggregate(AGGREGATE).publishes(new TaskDueDateSet(TASK, inLondon))
                .expectScheduledDeadline(londonAt, due(HALF_HOUR_BEFORE, londonAt))
                .expectNoScheduledDeadline(HALF_HOUR_BEFORE_AT, due(HALF_HOUR_BEFORE, HALF_HOUR_BEFORE_AT));
    }

    @Test
    void anAllDayTaskCountsBackFromNineInTheMorning() {
        DueDate allDay = new DueDate(LocalDate.of(2026, 3, 2), null, "Europe/Berlin");
        Instant nineBerlinLessHalfHour = Instant.parse("2026-03-02T07:30:00Z");
        fixture.givenCurrentTime(Instant.parse("2026-03-01T00:00:00Z"));
        fixture.givenNoPriorActivity()
                .whenAggregate(AGGREGATE).publishes(new TaskRemindersSet(TASK, List.of(HALF_HOUR_BEFORE), allDay, false))
                .expectScheduledDeadline(nineBerlinLessHalfHour, due(HALF_HOUR_BEFORE, nineBerlinLessHalfHour));
    }

    @Test
    void clearingTheDueDateSuspendsRelativeReminders_andANewDueDateBringsThemBack() {
        fixture.givenAggregate(AGGREGATE).published(set(HALF_HOUR_BEFORE, AT_NOON), new TaskDueDateCleared(TASK))
                .whenAggregate(AGGREGATE).publishes(new TaskDueDateSet(TASK, DUE))
                .expectScheduledDeadline(HALF_HOUR_BEFORE_AT, due(HALF_HOUR_BEFORE, HALF_HOUR_BEFORE_AT))
                .expectScheduledDeadline(ABSOLUTE_AT, due(AT_NOON, ABSOLUTE_AT));

        setUp();
        fixture.givenAggregate(AGGREGATE).published(set(HALF_HOUR_BEFORE, AT_NOON))
                .whenAggregate(AGGREGATE).publishes(new TaskDueDateCleared(TASK))
                .expectScheduledDeadline(ABSOLUTE_AT, due(AT_NOON, ABSOLUTE_AT))
                .expectNoScheduledDeadline(HALF_HOUR_BEFORE_AT, due(HALF_HOUR_BEFORE, HALF_HOUR_BEFORE_AT));
    }

    @Test
    void replacingTheRemindersCancelsTheRemovedKeepsTheKeptAndSchedulesTheNew() {
        Reminder hourBefore = new Reminder(ReminderId.nth(TASK, 3), ReminderSpec.before(Duration.ofHours(1)));
        Instant hourBeforeAt = DUE_AT.minus(Duration.ofHours(1));
        fixture.givenAggregate(AGGREGATE).published(set(HALF_HOUR_BEFORE, AT_NOON))
                .whenAggregate(AGGREGATE).publishes(set(AT_NOON, hourBefore))
                .expectScheduledDeadline(ABSOLUTE_AT, due(AT_NOON, ABSOLUTE_AT))
                .expectScheduledDeadline(hourBeforeAt, due(hourBefore, hourBeforeAt))
                .expectNoScheduledDeadline(HALF_HOUR_BEFORE_AT, due(HALF_HOUR_BEFORE, HALF_HOUR_BEFORE_AT));
    }

    @Test
    void clearingTheRemindersCancelsThemAndEndsTheSaga() {
        fixture.givenAggregate(AGGREGATE).published(set(HALF_HOUR_BEFORE, AT_NOON))
                .whenAggregate(AGGREGATE).publishes(set())
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void remindersSetOnACompletedTaskWaitForItToReopen() {
        fixture.givenNoPriorActivity()
                .whenAggregate(AGGREGATE).publishes(new TaskRemindersSet(TASK, List.of(AT_NOON), DUE, true))
                .expectActiveSagas(1)
                .expectNoScheduledDeadlines();
    }

    @Test
    void completingCancelsEveryDeadline() {
        fixture.givenAggregate(AGGREGATE).published(set(HALF_HOUR_BEFORE, AT_NOON))
                .whenAggregate(AGGREGATE).publishes(new TaskCompleted(TASK))
                .expectActiveSagas(1)
                .expectNoScheduledDeadlines();
    }

    @Test
    void reopeningBringsBackOnlyTheRemindersStillToCome() throws Exception {
        fixture.givenAggregate(AGGREGATE).published(set(HALF_HOUR_BEFORE, AT_NOON), new TaskCompleted(TASK))
                .andThenTimeAdvancesTo(HALF_HOUR_BEFORE_AT.plusSeconds(60))
                .whenAggregate(AGGREGATE).publishes(new TaskReopened(TASK))
                .expectScheduledDeadline(ABSOLUTE_AT, due(AT_NOON, ABSOLUTE_AT))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadline(HALF_HOUR_BEFORE_AT, due(HALF_HOUR_BEFORE, HALF_HOUR_BEFORE_AT));
    }

    @Test
    void deletingCancelsEveryDeadlineAndEndsTheSaga() {
        UUID firing = UUID.randomUUID();
        fixture.givenAggregate(AGGREGATE).published(set(HALF_HOUR_BEFORE, AT_NOON),
                        new ReminderSnoozed(TASK, AT_NOON.id(), firing, NOW.plusSeconds(600)))
                .whenAggregate(AGGREGATE).publishes(new TaskDeleted(TASK))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aSnoozeFiresItsFiringOnceMore() {
        UUID firing = UUID.randomUUID();
        Instant until = NOW.plusSeconds(600);
        fixture.givenAggregate(AGGREGATE).published(set(AT_NOON))
                .whenAggregate(AGGREGATE).publishes(new ReminderSnoozed(TASK, AT_NOON.id(), firing, until))
                .expectScheduledDeadline(until, new ReminderDue(TASK, AT_NOON.id(), until, firing));

        setUp();
        fixture.givenAggregate(AGGREGATE).published(set(AT_NOON), new ReminderSnoozed(TASK, AT_NOON.id(), firing, until))
                .whenTimeAdvancesTo(until)
                .expectDispatchedCommands(new FireReminder(TASK, AT_NOON.id(), until, firing));
    }

    @Test
    void snoozingTheSameFiringAgainReplacesTheEarlierSnooze() {
        UUID firing = UUID.randomUUID();
        Instant first = NOW.plusSeconds(600);
        Instant second = NOW.plusSeconds(1200);
        fixture.givenAggregate(AGGREGATE).published(set(AT_NOON), new ReminderSnoozed(TASK, AT_NOON.id(), firing, first))
                .whenAggregate(AGGREGATE).publishes(new ReminderSnoozed(TASK, AT_NOON.id(), firing, second))
                .expectScheduledDeadline(second, new ReminderDue(TASK, AT_NOON.id(), second, firing))
                .expectNoScheduledDeadline(first, new ReminderDue(TASK, AT_NOON.id(), first, firing));
    }

    @Test
    void completingCancelsAPendingSnooze() throws Exception {
        UUID firing = UUID.randomUUID();
        fixture.givenAggregate(AGGREGATE).published(set(AT_NOON))
                .andThenTimeAdvancesTo(ABSOLUTE_AT)
                .andThenAggregate(AGGREGATE).published(
                        new ReminderFired(TASK, new UserId(UUID.randomUUID()), AT_NOON.id(), firing, "t", ABSOLUTE_AT, null),
                        new ReminderSnoozed(TASK, AT_NOON.id(), firing, ABSOLUTE_AT.plusSeconds(600)))
                .whenAggregate(AGGREGATE).publishes(new TaskCompleted(TASK))
                .expectNoScheduledDeadlines();
    }

    private static TaskRemindersSet set(Reminder... reminders) {
        return new TaskRemindersSet(TASK, List.of(reminders), DUE, false);
    }

    private static ReminderDue due(Reminder reminder, Instant at) {
        return new ReminderDue(TASK, reminder.id(), at, null);
    }
}
