package dev.taskstream.command.tasks;

import static dev.taskstream.command.Refusals.refusal;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.ReminderId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tasks.CompleteTask;
import dev.taskstream.api.tasks.CreateNewTask;
import dev.taskstream.api.tasks.CreateTask;
import dev.taskstream.api.tasks.DueDate;
import dev.taskstream.api.tasks.FireReminder;
import dev.taskstream.api.tasks.Priority;
import dev.taskstream.api.tasks.Reminder;
import dev.taskstream.api.tasks.ReminderFired;
import dev.taskstream.api.tasks.ReminderSnoozed;
import dev.taskstream.api.tasks.ReminderSpec;
import dev.taskstream.api.tasks.SnoozeReminder;
import dev.taskstream.api.tasks.TaskCompleted;
import dev.taskstream.api.tasks.TaskCreated;
import dev.taskstream.api.tasks.TaskDeleted;
import dev.taskstream.api.tasks.TaskDueDateCleared;
import dev.taskstream.api.tasks.TaskDueDateSet;
import dev.taskstream.api.tasks.TaskRemindersSet;
import dev.taskstream.api.tasks.UpdateTask;
import dev.taskstream.command.tags.InMemoryTagNames;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Task's reminders: set, replaced, validated, fired once per firing, snoozed. */
class TaskRemindersTest {

    private static final TaskId TASK = TaskId.random();
    private static final UserId OWNER = new UserId(UUID.randomUUID());
    private static final UserId STRANGER = new UserId(UUID.randomUUID());
    private static final DueDate DUE = new DueDate(LocalDate.of(2026, 3, 2), LocalTime.of(10, 0), "Europe/Berlin");
    private static final Instant DUE_AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final ReminderSpec HALF_HOUR = ReminderSpec.before(Duration.ofMinutes(30));
    private static final ReminderSpec NOON = ReminderSpec.at(Instant.parse("2026-03-02T12:00:00Z"));
    private static final Reminder FIRST = new Reminder(ReminderId.nth(TASK, 1), HALF_HOUR);
    private static final Reminder SECOND = new Reminder(ReminderId.nth(TASK, 2), NOON);
    private static final TaskCreated CREATED = new TaskCreated(TASK, OWNER, "Call", null, DUE, Priority.NONE, Set.of(),
            null);
    private static final TaskRemindersSet SET = new TaskRemindersSet(TASK, List.of(FIRST, SECOND), DUE, false);
    private static final FireReminder FIRE_FIRST = new FireReminder(TASK, FIRST.id(), DUE_AT.minusSeconds(1800), null);

    private FixtureConfiguration<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
        fixture.registerInjectableResource(new InMemoryTagNames());
    }

    @Test
    void aTaskCreatedWithRemindersNumbersThem() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, OWNER, "Call", null, DUE, null, Set.of(), null, List.of(HALF_HOUR, NOON)))
                .expectEvents(CREATED, SET);
    }

    @Test
    void aNewTaskFromTheApiGetsItsRemindersToo() {
        fixture.givenNoPriorActivity()
                .when(new CreateNewTask(TASK, OWNER, "Call", null, DUE, null, Set.of(), List.of(HALF_HOUR, NOON)))
                .expectEvents(CREATED, SET);
        fixture.givenNoPriorActivity()
                .when(new CreateNewTask(TASK, OWNER, "Call", null, null, null, Set.of(), List.of(HALF_HOUR)))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.INVALID_FIELD, "reminders[0].before"));
    }

    @Test
    void aRelativeReminderNeedsADueDate() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, OWNER, "Call", null, null, null, Set.of(), null, List.of(NOON, HALF_HOUR)))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.INVALID_FIELD, "reminders[1].before"));
        fixture.given(CREATED)
                .when(update(List.of(HALF_HOUR), true))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.INVALID_FIELD, "reminders[0].before"));
    }

    @Test
    void aTaskHasAtMostTenReminders() {
        fixture.given(CREATED)
                .when(update(Collections.nCopies(11, NOON), false))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.INVALID_FIELD, "reminders"));
    }

    @Test
    void settingTheSameRemindersAgainChangesNothing() {
        fixture.given(CREATED, SET)
                .when(update(List.of(HALF_HOUR, NOON), false))
                .expectNoEvents();
    }

    @Test
    void replacingRemindersKeepsTheIdsOfThoseThatStay() {
        ReminderSpec hour = ReminderSpec.before(Duration.ofHours(1));
        fixture.given(CREATED, SET)
                .when(update(List.of(NOON, hour), false))
                .expectEvents(new TaskRemindersSet(TASK, List.of(SECOND, new Reminder(ReminderId.nth(TASK, 3), hour)),
                        DUE, false));
    }

    @Test
    void anEmptyListClearsTheReminders() {
        fixture.given(CREATED, SET)
                .when(update(List.of(), false))
                .expectEvents(new TaskRemindersSet(TASK, List.of(), DUE, false));
    }

    @Test
    void clearingTheDueDateKeepsRelativeRemindersSuspended() {
        fixture.given(CREATED, SET)
                .when(new UpdateTask(TASK, OWNER, null, null, null, true, null, Set.of(), Set.of()))
                .expectEvents(new TaskDueDateCleared(TASK));
    }

    @Test
    void aFiringIsRecordedOnce() {
        ReminderFired fired = fired(FIRE_FIRST);
        fixture.given(CREATED, SET)
                .when(FIRE_FIRST)
                .expectEvents(fired);
        fixture.given(CREATED, SET, fired)
                .when(FIRE_FIRST)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aFiringThatNoLongerMatchesTheTaskIsIgnored() {
        DueDate moved = new DueDate(DUE.date().plusDays(1), DUE.time(), DUE.timeZone());
        fixture.given(CREATED, SET, new TaskDueDateSet(TASK, moved)).when(FIRE_FIRST).expectNoEvents();
        fixture.given(CREATED, SET, new TaskRemindersSet(TASK, List.of(SECOND), DUE, false)).when(FIRE_FIRST)
                .expectNoEvents();
        fixture.given(CREATED, SET, new TaskCompleted(TASK)).when(FIRE_FIRST).expectNoEvents();
        fixture.given(CREATED, SET, new TaskDeleted(TASK)).when(FIRE_FIRST).expectNoEvents();
    }

    @Test
    void aSnoozeFiresTheFiringOnceMore() {
        FireReminder snoozeEnds = new FireReminder(TASK, FIRST.id(), Instant.parse("2026-03-02T08:40:00Z"),
                FIRE_FIRST.firingId());
        ReminderSnoozed snoozed = new ReminderSnoozed(TASK, FIRST.id(), FIRE_FIRST.firingId(), snoozeEnds.scheduledAt());
        fixture.given(CREATED, SET, fired(FIRE_FIRST))
                .when(new SnoozeReminder(TASK, OWNER, FIRE_FIRST.firingId(), snoozeEnds.scheduledAt()))
                .expectEvents(snoozed);
        fixture.given(CREATED, SET, fired(FIRE_FIRST), snoozed)
                .when(snoozeEnds)
                .expectEvents(fired(snoozeEnds));
        fixture.given(CREATED, SET, fired(FIRE_FIRST), snoozed, fired(snoozeEnds))
                .when(snoozeEnds)
                .expectNoEvents();
    }

    @Test
    void completingOrRemovingTheReminderDropsItsSnooze() {
        Instant until = Instant.parse("2026-03-02T08:40:00Z");
        FireReminder snoozeEnds = new FireReminder(TASK, FIRST.id(), until, FIRE_FIRST.firingId());
        ReminderSnoozed snoozed = new ReminderSnoozed(TASK, FIRST.id(), FIRE_FIRST.firingId(), until);
        fixture.given(CREATED, SET, fired(FIRE_FIRST), snoozed, new TaskRemindersSet(TASK, List.of(SECOND), DUE, false))
                .when(snoozeEnds)
                .expectNoEvents();
        fixture.given(CREATED, SET, fired(FIRE_FIRST), snoozed)
                .when(new CompleteTask(TASK, OWNER))
                .expectEvents(new TaskCompleted(TASK));
    }

    @Test
    void onlyTheOwnerSnoozes_andOnlyAFiringOfTheirs() {
        fixture.given(CREATED, SET, fired(FIRE_FIRST))
                .when(new SnoozeReminder(TASK, STRANGER, FIRE_FIRST.firingId(), DUE_AT))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.TASK_NOT_FOUND, null));
        fixture.given(CREATED, SET)
                .when(new SnoozeReminder(TASK, OWNER, FIRE_FIRST.firingId(), DUE_AT))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.NOTIFICATION_NOT_FOUND, null));
    }

    private static ReminderFired fired(FireReminder command) {
        return new ReminderFired(TASK, OWNER, command.reminderId(), command.firingId(), "Call", command.scheduledAt(),
                command.snoozeOf());
    }

    private static UpdateTask update(List<ReminderSpec> reminders, boolean clearDue) {
        return new UpdateTask(TASK, OWNER, null, null, null, clearDue, null, Set.of(), Set.of(), reminders, null);
    }
}
