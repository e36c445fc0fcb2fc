package dev.taskstream.command.series;

import static dev.taskstream.api.tasks.TaskRules.checkTagCount;
import static dev.taskstream.api.tasks.TaskRules.validDescription;
import static dev.taskstream.api.tasks.TaskRules.validDue;
import static dev.taskstream.api.tasks.TaskRules.validTitle;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.SeriesId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import dev.taskstream.api.series.AdvanceSeries;
import dev.taskstream.api.series.CreateSeries;
import dev.taskstream.api.series.OccurrenceScheduled;
import dev.taskstream.api.series.OccurrenceSkipped;
import dev.taskstream.api.series.Recurrence;
import dev.taskstream.api.series.RecurrenceMode;
import dev.taskstream.api.series.SeriesCreated;
import dev.taskstream.api.series.SeriesFinished;
import dev.taskstream.api.series.SeriesRecurrenceChanged;
import dev.taskstream.api.series.SeriesStopped;
import dev.taskstream.api.series.SeriesTemplate;
import dev.taskstream.api.series.SeriesTemplateChanged;
import dev.taskstream.api.series.SkipNextOccurrence;
import dev.taskstream.api.series.StopSeries;
import dev.taskstream.api.series.UpdateSeries;
import dev.taskstream.api.tasks.DueDate;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A recurring task: the template its occurrences start from, its rule and mode, and its latest occurrence. It
 * decides every next occurrence (index, task id, due) and records it as OccurrenceScheduled; since an aggregate
 * cannot send commands, the RecurrenceSaga turns that into the CreateTask. Only an AdvanceSeries for the latest
 * occurrence schedules anything, so a redelivered completion, a restart or a replay never schedules twice.
 *
 * <p>FIXED: the next due is the rule's first instance (expanded from the start) after the latest due, so COUNT
 * and UNTIL end the series as the rule says. AFTER_COMPLETION: INTERVAL periods of FREQ after the day, in the
 * series' zone, the latest occurrence was done; COUNT caps the number of occurrences.
 */
@Aggregate
class TaskSeries {

    @AggregateIdentifier
    private SeriesId id;
    private UserId owner;
    private SeriesTemplate template;
    private Recurrence recurrence;
    private RecurrenceMode mode;
    private DueDate start;
    private int latestIndex;
    private TaskId latestTaskId;
    private DueDate latestDue;
    private boolean ended;

    TaskSeries() {
        // for Axon
    }

    /** Answers with the first occurrence, so that the caller can create that task at once. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    OccurrenceScheduled handle(CreateSeries command) {
        SeriesTemplate validTemplate = valid(command.template());
        DueDate validStart = validStart(command.start());
        checkModeFits(command.recurrence(), command.mode());
        DueDate first = command.mode() == RecurrenceMode.AFTER_COMPLETION ? validStart
                : command.recurrence().dueDates(validStart, 1).stream().findFirst()
                        .orElseThrow(() -> TaskstreamException.invalidField("recurrence.rule",
                                "The rule has no occurrence on or after the due date."));
        apply(new SeriesCreated(command.seriesId(), command.ownerId(), validTemplate, command.recurrence(),
                command.mode(), validStart));
        return schedule(1, command.firstTaskId(), first);
    }

    @CommandHandler
    long handle(AdvanceSeries command) {
        if (!ended && command.afterIndex() == latestIndex) {
            scheduleNextAfter(command.doneAt().atZone(ZoneId.of(start.timeZone())).toLocalDate());
        }
        return AggregateLifecycle.getVersion();
    }

    /** In AFTER_COMPLETION, the skipped occurrence counts as done on its due date. */
    @CommandHandler
    long handle(SkipNextOccurrence command) {
        checkOpenTo(command.requestedBy());
        apply(new OccurrenceSkipped(id, latestIndex, latestTaskId));
        scheduleNextAfter(latestDue.date());
        return AggregateLifecycle.getVersion();
    }

    /** Validates every field before applying anything, so that one bad field leaves the series untouched. */
    @CommandHandler
    long handle(UpdateSeries command) {
        checkOpenTo(command.requestedBy());
        SeriesTemplate newTemplate = valid(new SeriesTemplate(
                command.title() == null ? template.title() : command.title(),
                command.description() == null ? template.description() : command.description(),
                command.priority() == null ? template.priority() : command.priority(),
                command.tags() == null ? template.tags() : command.tags()));
        Recurrence newRecurrence = command.recurrence() == null ? recurrence : command.recurrence();
        RecurrenceMode newMode = command.mode() == null ? mode : command.mode();
        checkModeFits(newRecurrence, newMode);

        if (!newTemplate.equals(template)) {
            apply(new SeriesTemplateChanged(id, newTemplate));
        }
        if (!newRecurrence.equals(recurrence) || newMode != mode) {
            apply(new SeriesRecurrenceChanged(id, newRecurrence, newMode));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(StopSeries command) {
        checkOwnedBy(command.requestedBy());
        if (!ended) {
            apply(new SeriesStopped(id));
        }
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(SeriesCreated event) {
        id = event.seriesId();
        owner = event.ownerId();
        template = event.template();
        recurrence = event.recurrence();
        mode = event.mode();
        start = event.start();
    }

    @EventSourcingHandler
    void on(OccurrenceScheduled event) {
        latestIndex = event.index();
        latestTaskId = event.taskId();
        latestDue = event.due();
    }

    @EventSourcingHandler
    void on(SeriesTemplateChanged event) {
        template = event.template();
    }

    @EventSourcingHandler
    void on(SeriesRecurrenceChanged event) {
        recurrence = event.recurrence();
        mode = event.mode();
    }

    @EventSourcingHandler
    void on(SeriesStopped event) {
        ended = true;
    }

    @EventSourcingHandler
    void on(SeriesFinished event) {
        ended = true;
    }

    private void scheduleNextAfter(LocalDate doneOn) {
        int next = latestIndex + 1;
        Optional<DueDate> due = mode == RecurrenceMode.FIXED
                ? recurrence.dueAfter(start, latestDue)
                : recurrence.dueAfterCompletion(start, doneOn, next);
        due.ifPresentOrElse(nextDue -> schedule(next, id.occurrenceTaskId(next), nextDue),
                () -> apply(new SeriesFinished(id)));
    }

    private OccurrenceScheduled schedule(int index, TaskId taskId, DueDate due) {
        OccurrenceScheduled scheduled = new OccurrenceScheduled(id, index, taskId, owner, template, due);
        apply(scheduled);
        return scheduled;
    }

    /** Someone else's series answers exactly like a missing one, so ids cannot be probed. */
    private void checkOwnedBy(UserId requester) {
        if (!owner.equals(requester)) {
            throw TaskstreamException.notFound(id);
        }
    }

    private void checkOpenTo(UserId requester) {
        checkOwnedBy(requester);
        if (ended) {
            throw new TaskstreamException(ErrorCode.SERIES_ENDED, null,
                    "Series " + id + " has ended; it schedules no more occurrences.");
        }
    }

    private static SeriesTemplate valid(SeriesTemplate template) {
        checkTagCount(template.tags().size());
        return new SeriesTemplate(validTitle(template.title()), validDescription(template.description()),
                template.priority(), template.tags());
    }

    private static DueDate validStart(DueDate due) {
        if (due == null) {
            throw TaskstreamException.invalidField("due",
                    "A recurring task needs a due date: its date, time and zone start the series.");
        }
        return validDue(due);
    }

    /** AFTER_COMPLETION counts from each completion, so a part that ties the rule to the calendar cannot apply. */
    private static void checkModeFits(Recurrence recurrence, RecurrenceMode mode) {
        if (mode == RecurrenceMode.AFTER_COMPLETION) {
            recurrence.calendarPart().ifPresent(part -> {
                throw TaskstreamException.invalidField("recurrence.mode", "AFTER_COMPLETION counts FREQ and INTERVAL"
                        + " from each completion; " + part + " ties the rule to the calendar, which only FIXED follows.");
            });
        }
    }
}
