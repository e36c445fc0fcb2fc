package dev.taskstream.api.tasks;

import dev.taskstream.api.InputRules;
import dev.taskstream.api.TaskstreamException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What a task's reminders may be. The edge reads requests with {@link #read}; the Task and TaskSeries aggregates
 * check the list against the due date with {@link #checkFits}. Fields are named by their place in the list, counted
 * from 0 like the JSON array: {@code reminders[1].before}.
 */
public final class ReminderRules {

    public static final int MAX_REMINDERS = 10;
    /** A year ahead covers every "remind me early" anyone asked for, and keeps fire times far from overflow. */
    public static final Duration MAX_BEFORE = Duration.ofDays(366);
    private static final Duration MAX_SNOOZE = Duration.ofDays(30);

    private ReminderRules() {
    }

    /** The reminders of a request body; null (not sent) stays null, {@code []} clears. */
    public static List<ReminderSpec> read(List<ReminderRequest> requests) {
        if (requests == null) {
            return null;
        }
        checkCount(requests.size());
        List<ReminderSpec> specs = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            specs.add(read(i, requests.get(i)));
        }
        return List.copyOf(specs);
    }

    private static ReminderSpec read(int index, ReminderRequest request) {
        String field = "reminders[" + index + "]";
        if (request == null || (request.before() == null) == (request.at() == null)) {
            throw TaskstreamException.invalidField(field,
                    "A reminder has either \"before\" (a duration such as PT30M) or \"at\" (such as 2026-12-24T17:30:00+01:00).");
        }
        if (request.before() != null) {
            return ReminderSpec.before(duration(field + ".before", request.before()));
        }
        return ReminderSpec.at(instant(field + ".at", request.at()));
    }

    private static Duration duration(String field, String raw) {
        Duration before;
        try {
            before = Duration.parse(raw);
        } catch (DateTimeException e) {
            throw TaskstreamException.invalidField(field, "Give an ISO-8601 duration such as PT30M or P1D.");
        }
        if (before.isNegative() || before.compareTo(MAX_BEFORE) > 0) {
            throw TaskstreamException.invalidField(field, "A reminder fires from 0 to 366 days before the due time.");
        }
        return before;
    }

    private static Instant instant(String field, String raw) {
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(raw);
        } catch (DateTimeException e) {
            throw TaskstreamException.invalidField(field,
                    "Give a date and time with its offset, such as 2026-12-24T17:30:00+01:00.");
        }
        return InputRules.instant(field, at.toInstant());
    }

    /** How long a snooze lasts, from {@code {"for":"PT10M"}}: a second to 30 days. */
    public static Duration validSnooze(String raw) {
        Duration snooze;
        try {
            snooze = raw == null ? null : Duration.parse(raw);
        } catch (DateTimeException e) {
            snooze = null;
        }
        if (snooze == null || snooze.compareTo(Duration.ofSeconds(1)) < 0 || snooze.compareTo(MAX_SNOOZE) > 0) {
            throw TaskstreamException.invalidField("for", "Give an ISO-8601 duration from PT1S to P30D, such as PT10M.");
        }
        return snooze;
    }

    /** A task has at most ten reminders, and a relative one needs a due date to count back from. */
    public static void checkFits(List<ReminderSpec> reminders, DueDate due) {
        checkCount(reminders.size());
        for (int i = 0; i < reminders.size(); i++) {
            if (reminders.get(i).relative() && due == null) {
                throw TaskstreamException.invalidField("reminders[" + i + "].before",
                        "A reminder before the due time needs a due date; give the task one, or use \"at\".");
            }
        }
    }

    private static void checkCount(int count) {
        if (count > MAX_REMINDERS) {
            throw TaskstreamException.invalidField("reminders", "A task has at most " + MAX_REMINDERS + " reminders.");
        }
    }
}
