package dev.taskstream.command.tasks;

import dev.taskstream.api.TaskstreamException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code If-Match}: the version a client saw, as a task answer's {@code ETag} gave it ({@code "3"}). */
final class IfMatch {

    static final String HEADER = "If-Match";
    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private IfMatch() {
    }

    /** The version, or null when the client sent none (or {@code *}): then the last writer wins. */
    static Long version(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        Matcher version = VERSION.matcher(header.strip());
        if (!version.matches()) {
            throw TaskstreamException.invalidField(HEADER,
                    "If-Match takes one ETag of the task as you saw it, such as \"3\".");
        }
        return Long.parseLong(version.group(1));
    }
}
