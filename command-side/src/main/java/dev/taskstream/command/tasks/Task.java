package dev.taskstream.command.tasks;

import static dev.taskstream.api.tasks.TaskRules.checkTagCount;
import static dev.taskstream.api.tasks.TaskRules.validDescription;
import static dev.taskstream.api.tasks.TaskRules.validDue;
import static dev.taskstream.api.tasks.TaskRules.validTitle;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.NotificationId;
import dev.taskstream.api.ReminderId;
import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tasks.CompleteTask;
import dev.taskstream.api.tasks.CreateNewTask;
import dev.taskstream.api.tasks.CreateTask;
import dev.taskstream.api.tasks.DeleteTask;
import dev.taskstream.api.tasks.DueDate;
import dev.taskstream.api.tasks.EditConflict;
import dev.taskstream.api.tasks.FireReminder;
import dev.taskstream.api.tasks.Occurrence;
import dev.taskstream.api.tasks.Priority;
import dev.taskstream.api.tasks.Reminder;
import dev.taskstream.api.tasks.ReminderFired;
import dev.taskstream.api.tasks.ReminderRules;
import dev.taskstream.api.tasks.ReminderSnoozed;
import dev.taskstream.api.tasks.ReminderSpec;
import dev.taskstream.api.tasks.ReopenTask;
import dev.taskstream.api.tasks.SnoozeReminder;
import dev.taskstream.api.tasks.TaskCompleted;
import dev.taskstream.api.tasks.TaskCreated;
import dev.taskstream.api.tasks.TaskDeleted;
import dev.taskstream.api.tasks.TaskDescribed;
import dev.taskstream.api.tasks.TaskDueDateCleared;
import dev.taskstream.api.tasks.TaskDueDateSet;
import dev.taskstream.api.tasks.TaskField;
import dev.taskstream.api.tasks.TaskPrioritized;
import dev.taskstream.api.tasks.TaskRemindersSet;
import dev.taskstream.api.tasks.TaskRenamed;
import dev.taskstream.api.tasks.TaskReopened;
import dev.taskstream.api.tasks.TaskState;
import dev.taskstream.api.tasks.TaskStatus;
import dev.taskstream.api.tasks.TaskTagged;
import dev.taskstream.api.tasks.TaskUntagged;
import dev.taskstream.api.tasks.UpdateTask;
import dev.taskstream.command.tags.TagNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A task. Its handlers check the rules and return the version after the write; completing a
 * completed task (or reopening an open one) is a no-op rather than an error, so that a client that
 * retries after a lost response simply succeeds.
 */
@Aggregate(cache = TaskCacheConfiguration.TASK_CACHE)
class Task {

    @AggregateIdentifier
    private TaskId id;
    private UserId owner;
    private String title;
    private String description;
    private DueDate due;
    private Priority priority;
    private Set<TagId> tags;
    private Occurrence occurrence;
    private boolean completed;
    private boolean deleted;
    private List<Reminder> reminders = List.of();
    /** How many reminders were ever put on the task; the next one's id derives from it. */
    private int remindersCreated;
    /** Every firing recorded, with its reminder: a firing is recorded once, and only these can be snoozed. */
    private final Map<UUID, ReminderId> firings = new HashMap<>();
    /** The snoozes still to come, by the firing they repeat. */
    private final Map<UUID, Instant> snoozes = new HashMap<>();

    Task() {
        // for Axon
    }

    /**
     * A task under a new id: nothing is loaded, which saves two reads on every create (WriteBenchmark). A taken id
     * fails as a duplicate first event when the event is stored, and is answered 409 naming {@code id}.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(CreateNewTask command) {
        checkTagCount(command.tags().size());
        DueDate validDue = validDue(command.due());
        ReminderRules.checkFits(command.reminders(), validDue);
        apply(new TaskCreated(command.taskId(), command.ownerId(),
                validTitle(command.title()), validDescription(command.description()),
                validDue, command.priority(), command.tags(), null));
        if (!command.reminders().isEmpty()) {
            apply(new TaskRemindersSet(id, withIds(command.reminders()), due, false));
        }
        return AggregateLifecycle.getVersion();
    }

    /**
     * Creating a task that exists is a no-op when both are the same occurrence of a series, and refused otherwise:
     * the id is taken. The RecurrenceSaga's commands are stored in its event processor's transaction, where a
     * duplicate key would fail the whole batch; so an occurrence created again (by the saga after the REST call
     * did, or on a redelivery or replay) must succeed quietly instead.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(CreateTask command) {
        if (id != null) {
            if (occurrence == null || !occurrence.equals(command.occurrence())) {
                throw new TaskstreamException(ErrorCode.CONFLICT, "id", "The id " + id + " is taken.");
            }
            return AggregateLifecycle.getVersion();
        }
        checkTagCount(command.tags().size());
        DueDate validDue = validDue(command.due());
        ReminderRules.checkFits(command.reminders(), validDue);
        apply(new TaskCreated(command.taskId(), command.ownerId(),
                validTitle(command.title()), validDescription(command.description()),
                validDue, command.priority(), command.tags(), command.occurrence()));
        if (!command.reminders().isEmpty()) {
            apply(new TaskRemindersSet(id, withIds(command.reminders()), due, false));
        }
        return AggregateLifecycle.getVersion();
    }

    /**
     * Validates every field before applying anything, so that one bad field leaves the task untouched.
     * Tags deleted since they were put on the task are taken off here, lazily.
     */
    @CommandHandler
    long handle(UpdateTask command, TagNames tagNames, ConflictResolver conflicts) {
        checkWritableBy(command.requestedBy());
        checkNoConflict(conflicts, command.fields());
        Set<TagId> deletedTags = new LinkedHashSet<>(tags);
        deletedTags.removeAll(tagNames.existing(tags));
        String newTitle = command.title() == null ? title : validTitle(command.title());
        String newDescription = command.description() == null ? description : validDescription(command.description());
        DueDate newDue = command.clearDue() ? null : command.due() == null ? due : validDue(command.due());
        Priority newPriority = command.priority() == null ? priority : command.priority();
        Set<TagId> added = new LinkedHashSet<>(command.addTags());
        added.removeAll(tags);
        Set<TagId> removed = new LinkedHashSet<>(command.removeTags());
        removed.retainAll(tags);
        removed.removeAll(command.addTags());
        removed.addAll(deletedTags);
        checkTagCount(tags.size() + added.size() - removed.size());
        List<Reminder> newReminders = reminders;
        if (command.reminders() != null) {
            ReminderRules.checkFits(command.reminders(), newDue);
            newReminders = withIds(command.reminders());
        }

        if (!newTitle.equals(title)) {
            apply(new TaskRenamed(id, newTitle));
        }
        if (!Objects.equals(newDescription, description)) {
            apply(new TaskDescribed(id, newDescription));
        }
        if (!Objects.equals(newDue, due)) {
            apply(newDue == null ? new TaskDueDateCleared(id) : new TaskDueDateSet(id, newDue));
        }
        if (newPriority != priority) {
            apply(new TaskPrioritized(id, newPriority));
        }
        added.forEach(tag -> apply(new TaskTagged(id, tag)));
        removed.forEach(tag -> apply(new TaskUntagged(id, tag)));
        if (!newReminders.equals(reminders)) {
            apply(new TaskRemindersSet(id, newReminders, due, completed));
        }
        return AggregateLifecycle.getVersion();
    }

    /**
     * The reminders for {@code specs}: a spec the task has already keeps its reminder's id (so setting the same list
     * again changes nothing, and a notification keeps naming it); any other gets the next id.
     */
    private List<Reminder> withIds(List<ReminderSpec> specs) {
        List<Reminder> unused = new ArrayList<>(reminders);
        List<Reminder> result = new ArrayList<>(specs.size());
        int created = remindersCreated;
        for (ReminderSpec spec : specs) {
            Reminder kept = unused.stream().filter(reminder -> reminder.when().equals(spec)).findFirst().orElse(null);
            if (kept != null) {
                unused.remove(kept);
                result.add(kept);
            } else {
                result.add(new Reminder(ReminderId.nth(id, ++created), spec));
            }
        }
        return List.copyOf(result);
    }

    /**
     * Records a firing once. A firing that no longer matches the task is stale and changes nothing: the saga's
     * deadline and a change to the task can cross (the due date moved, the reminder went, the task was completed or
     * deleted just before the deadline ran), and a redelivered deadline repeats a firing already recorded.
     */
    @CommandHandler
    void handle(FireReminder command) {
        UUID firing = command.firingId();
        if (deleted || completed || firings.containsKey(firing) || !stillDue(command)) {
            return;
        }
        apply(new ReminderFired(id, owner, command.reminderId(), firing, title, command.scheduledAt(),
                command.snoozeOf()));
    }

    private boolean stillDue(FireReminder command) {
        if (command.snoozeOf() != null) {
            return command.scheduledAt().equals(snoozes.get(command.snoozeOf()));
        }
        return reminders.stream().anyMatch(reminder -> reminder.id().equals(command.reminderId())
                && command.scheduledAt().equals(reminder.when().fireAt(due)));
    }

    /** A firing that is not this task's, or whose reminder is gone, answers like a missing notification. */
    @CommandHandler
    long handle(SnoozeReminder command) {
        checkWritableBy(command.requestedBy());
        ReminderId reminder = firings.get(command.firingId());
        if (reminder == null || reminders.stream().noneMatch(r -> r.id().equals(reminder))) {
            throw TaskstreamException.notFound(new NotificationId(command.firingId()));
        }
        if (!command.until().equals(snoozes.get(command.firingId()))) {
            apply(new ReminderSnoozed(id, reminder, command.firingId(), command.until()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(CompleteTask command, ConflictResolver conflicts) {
        checkWritableBy(command.requestedBy());
        checkNoConflict(conflicts, EnumSet.of(TaskField.STATUS));
        if (!completed) {
            apply(new TaskCompleted(id));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ReopenTask command, ConflictResolver conflicts) {
        checkWritableBy(command.requestedBy());
        checkNoConflict(conflicts, EnumSet.of(TaskField.STATUS));
        if (completed) {
            apply(new TaskReopened(id));
        }
        return AggregateLifecycle.getVersion();
    }

    /** Deleting what the client saw: any change since that version is a conflict. */
    @CommandHandler
    long handle(DeleteTask command, ConflictResolver conflicts) {
        checkWritableBy(command.requestedBy());
        checkNoConflict(conflicts, EnumSet.allOf(TaskField.class));
        apply(new TaskDeleted(id));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(TaskCreated event) {
        id = event.taskId();
        owner = event.ownerId();
        title = event.title();
        description = event.description();
        due = event.due();
        priority = event.priority();
        tags = new HashSet<>(event.tags());
        occurrence = event.occurrence();
    }

    @EventSourcingHandler
    void on(TaskRenamed event) {
        title = event.title();
    }

    @EventSourcingHandler
    void on(TaskDescribed event) {
        description = event.description();
    }

    @EventSourcingHandler
    void on(TaskDueDateSet event) {
        due = event.due();
    }

    @EventSourcingHandler
    void on(TaskDueDateCleared event) {
        due = null;
    }

    @EventSourcingHandler
    void on(TaskPrioritized event) {
        priority = event.priority();
    }

    @EventSourcingHandler
    void on(TaskTagged event) {
        tags.add(event.tagId());
    }

    @EventSourcingHandler
    void on(TaskUntagged event) {
        tags.remove(event.tagId());
    }

    @EventSourcingHandler
    void on(TaskRemindersSet event) {
        Set<ReminderId> before = new HashSet<>(reminders.stream().map(Reminder::id).toList());
        remindersCreated += (int) event.reminders().stream().filter(r -> !before.contains(r.id())).count();
        reminders = event.reminders();
        Set<ReminderId> after = new HashSet<>(reminders.stream().map(Reminder::id).toList());
        snoozes.keySet().removeIf(firing -> !after.contains(firings.get(firing)));
    }

    @EventSourcingHandler
    void on(ReminderFired event) {
        firings.put(event.firingId(), event.reminderId());
        if (event.snoozeOf() != null) {
            snoozes.remove(event.snoozeOf());
        }
    }

    @EventSourcingHandler
    void on(ReminderSnoozed event) {
        snoozes.put(event.firingId(), event.until());
    }

    @EventSourcingHandler
    void on(TaskCompleted event) {
        completed = true;
        snoozes.clear();
    }

    @EventSourcingHandler
    void on(TaskReopened event) {
        completed = false;
    }

    @EventSourcingHandler
    void on(TaskDeleted event) {
        deleted = true;
    }

    /**
     * A write that names the version its client saw ({@code If-Match}) conflicts when a change since then set a
     * field this write sets too; changes to other fields stand and the write applies over them (a merge). Axon
     * hands over the unseen events only when the command carries an older version.
     */
    private void checkNoConflict(ConflictResolver conflicts, Set<TaskField> written) {
        conflicts.detectConflicts(unseen -> !overlap(unseen, written).isEmpty(),
                conflict -> new EditConflict(overlap(conflict.unexpectedEvents(), written), state()));
    }

    private static Set<TaskField> overlap(List<DomainEventMessage<?>> unseen, Set<TaskField> written) {
        Set<TaskField> changed = EnumSet.noneOf(TaskField.class);
        unseen.forEach(event -> TaskField.changedBy(event.getPayload()).ifPresent(changed::add));
        changed.retainAll(written);
        return changed;
    }

    private TaskState state() {
        return new TaskState(id, AggregateLifecycle.getVersion(), title, description, due, priority, Set.copyOf(tags),
                completed ? TaskStatus.COMPLETED : TaskStatus.OPEN);
    }

    /** Someone else's task answers exactly like a missing one, so ids cannot be probed. */
    private void checkWritableBy(UserId requester) {
        if (!owner.equals(requester)) {
            throw TaskstreamException.notFound(id);
        }
        if (deleted) {
            throw new TaskstreamException(ErrorCode.TASK_DELETED, null, "Task " + id + " was deleted.");
        }
    }
}
