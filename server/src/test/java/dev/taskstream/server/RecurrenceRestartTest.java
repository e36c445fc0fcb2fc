package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ApiClient.Response;
import dev.taskstream.server.support.Occurrences;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Occurrences are created exactly once across restarts, repeated completions, and sagas that start late. */
class RecurrenceRestartTest {

    private static final String ALL_ROLES = "command,query,sagas";

    @TempDir
    Path home;

    @Test
    void theNextOccurrenceIsCreatedOnce_byASagaThatStartsLate_andStaysSingleAcrossRestarts() {
        String token;
        String first;
        String series;
        try (ConfigurableApplicationContext withoutSagas = start("command,query")) {
            ApiClient user = ApiClient.newUser(port(withoutSagas));
            token = user.token();
            Response created = user.post("/api/tasks", """
                    {"title":"Take vitamins","due":{"date":"2026-10-24","time":"08:00","timeZone":"Europe/Berlin"},
                     "recurrence":{"rule":"FREQ=DAILY"}}""");
            first = created.text("id");
            series = created.text("seriesId");
            await().atMost(Occurrences.BOUND).until(() -> user.get("/api/tasks/" + first).status() == 200);
            assertThat(user.post("/api/tasks/" + first + "/complete").status()).isEqualTo(200);
            assertThat(user.post("/api/tasks/" + first + "/complete").status()).isEqualTo(200);
        }

        String second;
        try (ConfigurableApplicationContext withSagas = start(ALL_ROLES)) {
            ApiClient user = ApiClient.anonymous(port(withSagas)).withToken(token);
            var occurrences = Occurrences.awaitIndex(user, series, 2);
            assertThat(Occurrences.indices(occurrences)).containsExactly(1, 2);
            second = occurrences.get(1).get("id").asText();
            assertThat(occurrences.get(1).get("dueAt").asText()).as("08:00 in Berlin, after the autumn change")
                    .isEqualTo("2026-10-25T07:00:00Z");
        }

        try (ConfigurableApplicationContext again = start(ALL_ROLES)) {
            ApiClient user = ApiClient.anonymous(port(again)).withToken(token);
            assertThat(Occurrences.indices(Occurrences.of(user, series))).containsExactly(1, 2);
            assertThat(user.post("/api/tasks/" + second + "/complete").status()).isEqualTo(200);
            assertThat(Occurrences.indices(Occurrences.awaitIndex(user, series, 3))).containsExactly(1, 2, 3);
        }
    }

    private ConfigurableApplicationContext start(String roles) {
        return new SpringApplicationBuilder(TaskstreamApplication.class)
                .run("--server.port=0", "--taskstream.embedded-db.dir=" + home.resolve("pgdata"), "--taskstream.roles=" + roles);
    }

    private static int port(ConfigurableApplicationContext server) {
        return ((WebServerApplicationContext) server).getWebServer().getPort();
    }
}
