package dev.taskstream.api.series;

import dev.taskstream.api.InputRules;
import dev.taskstream.api.tasks.DueDate;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.TimeZone;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * The instances of a rule from a start (the DTSTART), as lib-recur yields them in the start's zone: wall-clock
 * dates and times, so "every day 09:00" stays 09:00 across DST. Turning a wall-clock time into an instant
 * (and a time in a DST gap) is left to {@link DueDate#deadline()}.
 */
final class Expansion {

    private final DueDate start;
    private final RecurrenceRule rule;
    private final DateTime first;
    private RecurrenceRuleIterator instances;

    Expansion(RecurrenceRule rule, DueDate start) {
        TimeZone zone = TimeZone.getTimeZone(ZoneId.of(start.timeZone()));
        LocalDate date = start.date();
        this.first = start.allDay()
                ? new DateTime(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth())
                : new DateTime(zone, date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth(),
                        start.time().getHour(), start.time().getMinute(), start.time().getSecond());
        if (rule.getUntil() != null) {
            rule.setUntil(sameKind(rule.getUntil(), this.first, zone));
        }
        this.start = start;
        this.rule = rule;
    }

    /**
     * The next instance, or empty once the rule has run out (COUNT, UNTIL, the end of the calendar we accept, or no
     * date ever matches: lib-recur gives up on such a rule, already while it looks for the first instance).
     */
    Optional<DueDate> next() {
        try {
            if (instances == null) {
                instances = rule.iterator(first);
            }
            if (!instances.hasNext()) {
                return Optional.empty();
            }
            DateTime instance = instances.nextDateTime();
            if (instance.getYear() > InputRules.LAST_YEAR) {
                return Optional.empty();
            }
            LocalDate date = LocalDate.of(instance.getYear(), instance.getMonth() + 1, instance.getDayOfMonth());
            LocalTime time = start.allDay() ? null
                    : LocalTime.of(instance.getHours(), instance.getMinutes(), instance.getSeconds());
            return Optional.of(new DueDate(date, time, start.timeZone()));
        } catch (IllegalArgumentException noDateMatches) {
            return Optional.empty();
        }
    }

    /**
     * lib-recur wants UNTIL of the start's kind: a date for an all-day start, an instant for a timed one. A
     * date or a floating time is read in the series' zone, a date as the whole of that day.
     */
    private static DateTime sameKind(DateTime until, DateTime first, TimeZone zone) {
        if (first.isAllDay()) {
            DateTime local = until.isFloating() ? until : until.shiftTimeZone(zone);
            return new DateTime(local.getYear(), local.getMonth(), local.getDayOfMonth());
        }
        if (until.isAllDay()) {
            return new DateTime(zone, until.getYear(), until.getMonth(), until.getDayOfMonth(), 23, 59, 59);
        }
        if (until.isFloating()) {
            return new DateTime(zone, until.getYear(), until.getMonth(), until.getDayOfMonth(),
                    until.getHours(), until.getMinutes(), until.getSeconds());
        }
        return until;
    }
}
