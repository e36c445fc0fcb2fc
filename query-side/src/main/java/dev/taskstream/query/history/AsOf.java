package dev.taskstream.query.history;

import dev.taskstream.api.TaskstreamException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The {@code asOf} parameter: an ISO 8601 date-time with an offset, not in the future. */
public final class AsOf {

    private AsOf() {
    }

    public static Instant parse(String raw, Instant now) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw TaskstreamException.invalidField("asOf",
                    "asOf is a date-time with an offset, such as 2026-03-02T09:00:00Z or 2026-03-02T10:00:00+01:00.");
        }
        if (instant.isAfter(now)) {
            throw TaskstreamException.invalidField("asOf", "asOf is in the future; the history ends now.");
        }
        return instant;
    }
}
