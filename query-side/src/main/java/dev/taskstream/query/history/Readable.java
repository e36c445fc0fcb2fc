package dev.taskstream.query.history;

import dev.taskstream.api.tags.TagRef;
import dev.taskstream.api.tasks.DueDate;
import dev.taskstream.api.tasks.ReminderView;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** Values of a view as a person reads them in a history: "24 Dec 2026 18:00 Europe/Berlin", "home, work". */
final class Readable {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Readable() {
    }

    static String of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof DueDate due) {
            return DATE.format(due.date()) + (due.allDay() ? "" : " " + due.time()) + " " + due.timeZone();
        }
        if (value instanceof TagRef tag) {
            return tag.name();
        }
        if (value instanceof ReminderView reminder) {
            return reminder.before() != null ? before(Duration.parse(reminder.before())) + " before due"
                    : "at " + INSTANT.format(reminder.at());
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(Readable::of).collect(Collectors.joining(", "));
        }
        return value.toString();
    }

    /** "30 min", "2 h", "1 day 6 h": the largest units that say it exactly. */
    private static String before(Duration duration) {
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        StringBuilder text = new StringBuilder();
        if (days > 0) {
            text.append(days).append(days == 1 ? " day " : " days ");
        }
        if (hours > 0) {
            text.append(hours).append(" h ");
        }
        if (minutes > 0 || text.isEmpty()) {
            text.append(minutes).append(" min ");
        }
        return text.toString().strip();
    }
}
