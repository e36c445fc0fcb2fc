package dev.taskstream.api.tasks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When a reminder fires, as the user said it: {@code before} the due time (relative; {@code PT0S} is at the due
 * time), or {@code at} an instant (absolute). Exactly one of the two is set.
 */
public record ReminderSpec(Duration before, Instant at) {

    /** An all-day task has no time; its relative reminders count back from this local time on the due day. */
    public static final LocalTime ALL_DAY_ANCHOR = LocalTime.of(9, 0);

    public ReminderSpec {
        if ((before == null) == (at == null)) {
            throw new IllegalArgumentException("A reminder is either before the due time or at an instant");
        }
    }

    public static ReminderSpec before(Duration before) {
        return new ReminderSpec(before, null);
    }

    public static ReminderSpec at(Instant at) {
        return new ReminderSpec(null, at);
    }

    public boolean relative() {
        return before != null;
    }

    /**
     * The instant this reminder fires for a task due {@code due}; null for a relative reminder while the task has no
     * due date (it is suspended until the task gets one). The time a relative reminder counts back from is the due
     * time, or {@link #ALL_DAY_ANCHOR} on the due day of an all-day task, in the due date's zone.
     */
    public Instant fireAt(DueDate due) {
        if (at != null) {
            return at;
        }
        if (due == null) {
            return null;
        }
        Instant anchor = due.allDay()
                ? ZonedDateTime.of(due.date(), ALL_DAY_ANCHOR, ZoneId.of(due.timeZone())).toInstant()
                : due.deadline();
        return anchor.minus(before);
    }

    /** Describes the spec in the words of the API: {@code before PT30M} or {@code at 2026-12-24T16:30:00Z}. */
    @Override
    public String toString() {
        return relative() ? "before " + before : "at " + Objects.toString(at);
    }
}
