package dev.taskstream.query.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskstream.api.TaskstreamException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Where a page ended: the sort-key values and id of its last task, and the order they belong to (a
 * cursor from one order is refused in another). Sent to clients as an opaque base64url string.
 */
record TaskListCursor(String order, List<String> keyValues, UUID taskId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static TaskListCursor decode(String opaque, String expectedOrder, int keyCount) {
        try {
            String[] parts = JSON.readValue(Base64.getUrlDecoder().decode(opaque), String[].class);
            if (parts == null || parts.length != keyCount + 2 || !expectedOrder.equals(parts[0])
                    || Arrays.asList(parts).contains(null)) {
                throw invalid();
            }
            List<String> values = new ArrayList<>(List.of(parts).subList(1, keyCount + 1));
            return new TaskListCursor(parts[0], values, UUID.fromString(parts[keyCount + 1]));
        } catch (IOException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** The relevance tier a cursor of a relevance-ordered search stopped in, its first value. */
    TaskListSql.Tier tier() {
        try {
            return TaskListSql.Tier.valueOf(keyValues.get(0));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    String encode() {
        List<String> parts = new ArrayList<>();
        parts.add(order);
        parts.addAll(keyValues);
        parts.add(taskId.toString());
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(parts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static TaskstreamException invalid() {
        return TaskstreamException.invalidField("cursor",
                "Not a cursor of this list and order; start again from the first page, without a cursor.");
    }
}
