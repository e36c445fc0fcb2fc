package dev.taskstream.server.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads the occurrences of a recurring series the way a client would: from the user's task list. */
public final class Occurrences {

    public static final Duration BOUND = Duration.ofSeconds(20);

    private Occurrences() {
    }

    /** The user's tasks that belong to the series, by occurrence index. */
    public static List<JsonNode> of(ApiClient user, String seriesId) {
        List<JsonNode> occurrences = new ArrayList<>();
        user.get("/api/tasks?limit=200").body().path("items").forEach(task -> {
            if (seriesId.equals(task.path("seriesId").asText())) {
                occurrences.add(task);
            }
        });
        occurrences.sort(Comparator.comparingInt(task -> task.path("occurrenceIndex").asInt()));
        return occurrences;
    }

    /** Waits until the series has an occurrence with this index, and answers all of them. */
    public static List<JsonNode> awaitIndex(ApiClient user, String seriesId, int index) {
        return await().atMost(BOUND).until(() -> of(user, seriesId),
                tasks -> tasks.stream().anyMatch(task -> task.path("occurrenceIndex").asInt() == index));
    }

    public static List<Integer> indices(List<JsonNode> occurrences) {
        return occurrences.stream().map(task -> task.path("occurrenceIndex").asInt()).toList();
    }
}
