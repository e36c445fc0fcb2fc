package dev.taskstream.server.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Builds reminder request bodies and waits for notifications, for the tests over HTTP. */
public final class Reminders {

    private Reminders() {
    }

    /**
     * Two seconds ahead: soon enough to wait for, far enough that a create slowed by a busy machine still stores the
     * reminder as one to come. A reminder already past when it is set never fires.
     */
    public static Instant soon() {
        return Instant.now().plusSeconds(2);
    }

    /** An absolute reminder at {@code at}, in the request's form (with an offset). */
    public static String at(Instant at) {
        return "{\"at\":\"" + at.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.ofHours(1)) + "\"}";
    }

    /** A due date at {@code at} in UTC, to the second. */
    public static String dueAt(Instant at) {
        var utc = at.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC);
        return "{\"date\":\"" + utc.toLocalDate() + "\",\"time\":\"" + utc.toLocalTime() + "\",\"timeZone\":\"Etc/UTC\"}";
    }

    /** Waits until the user has exactly {@code count} notifications, and returns them, newest first. */
    public static JsonNode notifications(ApiClient user, int count, Duration within) {
        return await().atMost(within).pollInterval(Duration.ofMillis(50))
                .until(() -> user.get("/api/notifications").body().path("items"), items -> items.size() == count);
    }
}
