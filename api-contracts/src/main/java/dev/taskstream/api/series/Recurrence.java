package dev.taskstream.api.series;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.taskstream.api.tasks.DueDate;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRule.RfcMode;

/**
 * An RFC 5545 recurrence rule (the value of an RRULE, such as {@code FREQ=MONTHLY;BYDAY=-1FR}), expanded by
 * lib-recur. A rule from a client comes in through {@link #parse}, which checks that a series can use it (FREQ
 * daily to yearly; no time-of-day parts, as the time comes from the due date) and keeps lib-recur's canonical
 * spelling. The constructor only refuses null: events hold this value and must load forever, even after the
 * rules for new series tighten or lib-recur changes its mind.
 */
public record Recurrence(String rule) {

    public Recurrence {
        Objects.requireNonNull(rule, "rule");
    }

    /** Reads a client's rule; a refusal names {@code field} and, where it can, the rule part at fault. */
    public static Recurrence parse(String field, String raw) {
        return new Recurrence(RuleReader.read(raw, field).toString());
    }

    /** A stored rule, as it was accepted then. */
    @JsonCreator
    public static Recurrence of(String rule) {
        return new Recurrence(rule);
    }

    /** The first part that ties instances to the calendar (BYDAY, BYMONTHDAY, …), if any. */
    public Optional<String> calendarPart() {
        return Arrays.stream(rule.split(";"))
                .map(part -> part.substring(0, part.indexOf('=')))
                .filter(name -> name.startsWith("BY"))
                .findFirst();
    }

    /** Up to {@code limit} instances of the rule from {@code start} (its DTSTART), in start's zone. */
    public List<DueDate> dueDates(DueDate start, int limit) {
        Expansion instances = new Expansion(parsed(), start);
        List<DueDate> dues = new ArrayList<>();
        for (Optional<DueDate> next = instances.next(); next.isPresent() && dues.size() < limit; next = instances.next()) {
            dues.add(next.get());
        }
        return dues;
    }

    /** The first instance from {@code start} that falls after {@code previous}; empty once the rule has run out. */
    public Optional<DueDate> dueAfter(DueDate start, DueDate previous) {
        Expansion instances = new Expansion(parsed(), start);
        LocalDateTime after = wallClock(previous);
        Optional<DueDate> next = instances.next();
        while (next.isPresent() && !wallClock(next.get()).isAfter(after)) {
            next = instances.next();
        }
        return next;
    }

    /**
     * The due date of the {@code index}th occurrence when the previous one was done on {@code doneOn} (a day in
     * the series' zone): INTERVAL periods of FREQ after that day, at start's time of day; empty past COUNT or
     * UNTIL. Plain date arithmetic, so a month after 31 January is the last day of February.
     */
    public Optional<DueDate> dueAfterCompletion(DueDate start, LocalDate doneOn, int index) {
        RecurrenceRule parsed = parsed();
        if (parsed.getCount() != null && index > parsed.getCount()) {
            return Optional.empty();
        }
        DueDate due = new DueDate(doneOn.plus(parsed.getInterval(), unit(parsed)), start.time(), start.timeZone());
        // Expanded from the new due itself, a rule without calendar parts yields it first, unless UNTIL has passed.
        return dueDates(due, 1).isEmpty() ? Optional.empty() : Optional.of(due);
    }

    @JsonValue
    @Override
    public String toString() {
        return rule;
    }

    /** Leniently: a rule accepted when it was stored keeps expanding after the checks for new rules tighten. */
    private RecurrenceRule parsed() {
        try {
            return new RecurrenceRule(rule, RfcMode.RFC5545_LAX);
        } catch (InvalidRecurrenceRuleException e) {
            throw new IllegalStateException("The stored rule " + rule + " no longer reads", e);
        }
    }

    private static ChronoUnit unit(RecurrenceRule parsed) {
        return switch (parsed.getFreq()) {
            case DAILY -> ChronoUnit.DAYS;
            case WEEKLY -> ChronoUnit.WEEKS;
            case MONTHLY -> ChronoUnit.MONTHS;
            default -> ChronoUnit.YEARS;
        };
    }

    private static LocalDateTime wallClock(DueDate due) {
        return due.date().atTime(due.allDay() ? LocalTime.MIDNIGHT : due.time());
    }
}
