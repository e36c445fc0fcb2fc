package dev.taskstream.server.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads are eventually consistent: these wait, with a bound, for the read model to catch up. */
public final class Eventually {

    public static final Duration BOUND = Duration.ofSeconds(15);

    private Eventually() {
    }

    /** Waits until the list at {@code path} holds exactly {@code size} items, and returns them. */
    public static JsonNode items(ApiClient user, String path, int size) {
        return await().atMost(BOUND).until(() -> user.get(path).body().path("items"), items -> items.size() == size);
    }

    /** Waits until the task shows at least {@code version}, and returns it. */
    public static JsonNode task(ApiClient user, String id, long version) {
        return await().atMost(BOUND).until(() -> user.get("/api/tasks/" + id).body(),
                view -> view.path("version").asLong(-1) >= version);
    }

    public static List<String> titles(JsonNode items) {
        List<String> titles = new ArrayList<>();
        items.forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }
}
