package dev.taskstream.api.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a task is due, as the user said it: a local date, an optional local time (none means all
 * day), and the IANA zone they said it in. Events keep these words rather than an instant, so that
 * a change to the zone's rules moves the deadline with the wall clock, as the user meant.
 */
public record DueDate(LocalDate date, LocalTime time, String timeZone) {

    public boolean allDay() {
        return time == null;
    }

    /**
     * The moment the task becomes overdue: the given time, or the end of the given day. A local time
     * that a DST gap skips moves forward by the gap's length (09:30 in a 09:00→10:00 gap is 10:30).
     */
    public Instant deadline() {
        ZoneId zone = ZoneId.of(timeZone);
        if (allDay()) {
            return date.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return ZonedDateTime.of(date, time, zone).toInstant();
    }
}
