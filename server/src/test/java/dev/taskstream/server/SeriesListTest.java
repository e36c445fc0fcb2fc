package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.Eventually;
import dev.taskstream.server.support.ServerTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** GET /api/series: the caller's series only, active ones first, narrowed by status. */
@ServerTest
class SeriesListTest {

    @LocalServerPort
    int port;

    @Test
    void listsOnlyTheCallersSeries_activeFirstByNextDue_andNarrowsByStatus() {
        ApiClient user = ApiClient.newUser(port);
        String later = create(user, "Water the plants", "2026-05-02");
        String sooner = create(user, "Stand-up", "2026-05-01");
        String stopped = create(user, "Old habit", "2026-04-01");
        ApiClient stranger = ApiClient.newUser(port);
        create(stranger, "Not yours", "2026-04-15");
        await().atMost(Eventually.BOUND).until(() -> user.get("/api/series").body().size() == 3);
        assertThat(user.post("/api/series/" + stopped + "/stop").status()).isEqualTo(200);
        await().atMost(Eventually.BOUND).until(() -> user.get("/api/series?status=STOPPED").body().size() == 1);

        assertThat(ids(user.get("/api/series").body())).containsExactly(sooner, later, stopped);
        assertThat(ids(user.get("/api/series?status=ACTIVE").body())).containsExactly(sooner, later);
        assertThat(ids(user.get("/api/series?status=STOPPED").body())).containsExactly(stopped);
        assertThat(user.get("/api/series?status=FINISHED").body()).isEmpty();
        assertThat(stranger.get("/api/series").body()).hasSize(1);
        assertThat(stranger.get("/api/series").body().get(0).get("title").asText()).isEqualTo("Not yours");
    }

    @Test
    void needsAToken() {
        assertThat(ApiClient.anonymous(port).get("/api/series").status()).isEqualTo(401);
    }

    private static String create(ApiClient user, String title, String date) {
        return user.post("/api/tasks", """
                {"title":"%s","due":{"date":"%s","time":"09:00","timeZone":"Europe/Berlin"},"recurrence":{"preset":"daily"}}"""
                .formatted(title, date)).text("seriesId");
    }

    private static List<String> ids(JsonNode series) {
        List<String> ids = new ArrayList<>();
        series.forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }
}
