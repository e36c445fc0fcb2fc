package dev.taskstream.sagas.reminders;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.tasks.DueDate;
import dev.taskstream.api.tasks.Reminder;
import dev.taskstream.api.tasks.ReminderFired;
import dev.taskstream.api.tasks.ReminderSnoozed;
import dev.taskstream.api.tasks.TaskCompleted;
import dev.taskstream.api.tasks.TaskDeleted;
import dev.taskstream.api.tasks.TaskDueDateCleared;
import dev.taskstream.api.tasks.TaskDueDateSet;
import dev.taskstream.api.tasks.TaskRemindersSet;
import dev.taskstream.api.tasks.TaskReopened;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Keeps one deadline per reminder of one task, at the instant the reminder fires, and moves or cancels it whenever
 * the task changes: reminders replaced, due date moved or cleared, task completed, reopened or deleted. When a
 * deadline passes it sends FireReminder, and the task records ReminderFired. It uses whatever {@link DeadlineManager}
 * the process provides (db-scheduler on PostgreSQL in the monolith), so the deadlines outlive restarts.
 *
 * <p>"Now" is the timestamp of the event being handled, not the clock: a reminder is scheduled if it was still to
 * come when the change was made, even if this saga sees the change late (after a restart, say); the deadline then
 * fires at once. A reminder already past when it was set is kept on the task but never fires.
 *
 * <p>Nothing here can fire a reminder twice. The task records each firing once (its id derives from reminder and
 * instant) and ignores a firing that no longer matches it, so a deadline run twice (a crash before db-scheduler
 * noted it done) or one that crosses a change of the task records nothing more.
 *
 * <p>Public only because Axon instantiates sagas reflectively without making them accessible.
 */
@Saga
@ProcessingGroup(ReminderSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class ReminderSaga {

    static final String PROCESSING_GROUP = "reminders";
    static final String TASK = "taskId";
    static final String DEADLINE = "reminder";

    private TaskId taskId;
    private DueDate due;
    private boolean completed;
    private List<Reminder> reminders = List.of();
    /** The deadline scheduled for each reminder (by reminder id), with the instant it is for. */
    private Map<String, Scheduled> scheduled = new HashMap<>();
    /** The deadline of each snooze still to come, by the firing it repeats. */
    private Map<String, String> snoozes = new HashMap<>();

    record Scheduled(String scheduleId, Instant fireAt) {
    }

    @StartSaga
    @SagaEventHandler(associationProperty = TASK)
    void on(TaskRemindersSet event, @Timestamp Instant now, DeadlineManager deadlines) {
        taskId = event.taskId();
        due = event.due();
        completed = event.completed();
        reminders = event.reminders();
        reschedule(now, deadlines);
        if (reminders.isEmpty()) {
            cancelSnoozes(deadlines);
            SagaLifecycle.end();
        }
    }

    @SagaEventHandler(associationProperty = TASK)
    void on(TaskDueDateSet event, @Timestamp Instant now, DeadlineManager deadlines) {
        due = event.due();
        reschedule(now, deadlines);
    }

    @SagaEventHandler(associationProperty = TASK)
    void on(TaskDueDateCleared event, @Timestamp Instant now, DeadlineManager deadlines) {
        due = null;
        reschedule(now, deadlines);
    }

    @SagaEventHandler(associationProperty = TASK)
    void on(TaskCompleted event, @Timestamp Instant now, DeadlineManager deadlines) {
        completed = true;
        reschedule(now, deadlines);
        cancelSnoozes(deadlines);
    }

    /** Brings back the reminders still to come; those that passed while the task was done stay silent. */
    @SagaEventHandler(associationProperty = TASK)
    void on(TaskReopened event, @Timestamp Instant now, DeadlineManager deadlines) {
        completed = false;
        reschedule(now, deadlines);
    }

    /** Cancels by schedule id: cancelling all of a scope makes db-scheduler read every pending deadline. */
    @SagaEventHandler(associationProperty = TASK)
    void on(TaskDeleted event, DeadlineManager deadlines) {
        scheduled.values().forEach(deadline -> deadlines.cancelSchedule(DEADLINE, deadline.scheduleId()));
        scheduled.clear();
        cancelSnoozes(deadlines);
        SagaLifecycle.end();
    }

    @SagaEventHandler(associationProperty = TASK)
    void on(ReminderSnoozed event, DeadlineManager deadlines) {
        String firing = event.firingId().toString();
        String previous = snoozes.remove(firing);
        if (previous != null) {
            deadlines.cancelSchedule(DEADLINE, previous);
        }
        snoozes.put(firing, deadlines.schedule(event.until(), DEADLINE,
                new ReminderDue(taskId, event.reminderId(), event.until(), event.firingId())));
    }

    /** A fired snooze is done; a fired reminder's deadline is done too (it ran). */
    @SagaEventHandler(associationProperty = TASK)
    void on(ReminderFired event) {
        if (event.snoozeOf() != null) {
            snoozes.remove(event.snoozeOf().toString());
        } else {
            scheduled.computeIfPresent(event.reminderId().toString(),
                    (id, deadline) -> deadline.fireAt().equals(event.scheduledAt()) ? null : deadline);
        }
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    void on(ReminderDue deadline, CommandGateway commands) {
        commands.sendAndWait(deadline.fire());
    }

    /** Makes the deadlines match the reminders: cancels those that moved or went, schedules those that are new. */
    private void reschedule(Instant now, DeadlineManager deadlines) {
        Map<String, Instant> wanted = new HashMap<>();
        if (!completed) {
            for (Reminder reminder : reminders) {
                Instant fireAt = reminder.when().fireAt(due);
                if (fireAt != null && !fireAt.isBefore(now)) {
                    wanted.put(reminder.id().toString(), fireAt);
                }
            }
        }
        scheduled.entrySet().removeIf(entry -> {
            boolean stale = !Objects.equals(wanted.get(entry.getKey()), entry.getValue().fireAt());
            if (stale) {
                deadlines.cancelSchedule(DEADLINE, entry.getValue().scheduleId());
            }
            return stale;
        });
        for (Reminder reminder : reminders) {
            String id = reminder.id().toString();
            Instant fireAt = wanted.get(id);
            if (fireAt != null && !scheduled.containsKey(id)) {
                String scheduleId = deadlines.schedule(fireAt, DEADLINE,
                        new ReminderDue(taskId, reminder.id(), fireAt, null));
                scheduled.put(id, new Scheduled(scheduleId, fireAt));
            }
        }
    }

    private void cancelSnoozes(DeadlineManager deadlines) {
        snoozes.values().forEach(scheduleId -> deadlines.cancelSchedule(DEADLINE, scheduleId));
        snoozes.clear();
    }
}
