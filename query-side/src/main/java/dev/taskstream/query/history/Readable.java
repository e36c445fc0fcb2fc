package dev.taskstream.query.history;

import dev.taskstream.api.tags.TagRef;
import dev.taskstream.api.tasks.DueDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** Values of a view as a person reads them in a history: "24 Dec 2026 18:00 Europe/Berlin", "home, work". */
final class Readable {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

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
        if (value instanceof Collection<?> values) {
            return values.stream().map(Readable::of).collect(Collectors.joining(", "));
        }
        return value.toString();
    }
}
