package dev.taskstream.api.history;

import java.time.Instant;
import java.util.List;

/**
 * One stored event: its sequence number in the aggregate (the version it made), its type, when it was
 * stored, who caused it ({@code actor}, a user id; null for the system) and from which device
 * ({@code X-Device-Id} of the request, if sent), the fields it changed and a one-line summary of them.
 */
public record HistoryEntry(
        long sequence,
        String type,
        Instant at,
        String actor,
        String deviceId,
        List<FieldChange> changes,
        String summary) {
}
