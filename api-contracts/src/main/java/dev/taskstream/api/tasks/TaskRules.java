package dev.taskstream.api.tasks;

import dev.taskstream.api.InputRules;
import dev.taskstream.api.TaskstreamException;
import java.time.ZoneId;

/**
 * Limits that the write side enforces and clients may show before they send. Tasks and the templates of
 * recurring series obey the same rules, so both check through these methods.
 */
public final class TaskRules {

    public static final int TITLE_MAX_LENGTH = 500;
    public static final int DESCRIPTION_MAX_LENGTH = 20_000;
    public static final int MAX_TAGS = 20;

    private TaskRules() {
    }

    /** The title, trimmed. */
    public static String validTitle(String raw) {
        String trimmed = raw == null ? "" : InputRules.singleLine("title", raw.strip());
        if (trimmed.isEmpty() || trimmed.length() > TITLE_MAX_LENGTH) {
            throw TaskstreamException.invalidField("title",
                    "A title needs 1 to " + TITLE_MAX_LENGTH + " characters after trimming.");
        }
        return trimmed;
    }

    /** The description, or null for an empty or blank one: that is no description. */
    public static String validDescription(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        InputRules.multiLine("description", raw);
        if (raw.length() > DESCRIPTION_MAX_LENGTH) {
            throw TaskstreamException.invalidField("description",
                    "A description has at most " + DESCRIPTION_MAX_LENGTH + " characters.");
        }
        return raw;
    }

    /** The due date as given; null stays null. */
    public static DueDate validDue(DueDate due) {
        if (due == null) {
            return null;
        }
        if (due.date() == null) {
            throw TaskstreamException.invalidField("due.date", "A due date needs a date, such as 2026-12-24.");
        }
        InputRules.date("due.date", due.date());
        if (due.timeZone() == null || !ZoneId.getAvailableZoneIds().contains(due.timeZone())) {
            throw TaskstreamException.invalidField("due.timeZone",
                    "Give an IANA time zone such as Europe/Berlin; '" + due.timeZone() + "' is not one.");
        }
        return due;
    }

    public static void checkTagCount(int count) {
        if (count > MAX_TAGS) {
            throw TaskstreamException.invalidField("tags", "A task has at most " + MAX_TAGS + " tags.");
        }
    }
}
