package dev.taskstream.server;

import static dev.taskstream.server.support.Reminders.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.Reminders;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reminders that fell due while the server was down fire once, right after it starts again; none is lost. */
class ReminderRestartTest {

    @TempDir
    Path home;

    @Test
    void remindersDueWhileTheServerWasDownFireOnceRightAfterStartUp() {
        String token;
        Instant due;
        List<Instant> overdue;
        try (ConfigurableApplicationContext server = start()) {
            ApiClient user = ApiClient.newUser(port(server));
            token = user.token();
            due = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.MILLIS);
            overdue = List.of(due, due.plusMillis(200), due.plusMillis(400));
            Instant later = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
            List<String> reminders = new ArrayList<>(overdue.stream().map(Reminders::at).toList());
            reminders.add(at(later));
            assertThat(user.post("/api/tasks", "{\"title\":\"Renew passport\",\"reminders\":["
                    + String.join(",", reminders) + "]}").status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(6)).until(() -> pendingDeadlines(server) == 4);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(due.plusSeconds(2)));
        try (ConfigurableApplicationContext server = start()) {
            Instant started = Instant.now();
            ApiClient user = ApiClient.anonymous(port(server)).withToken(token);
            JsonNode fired = Reminders.notifications(user, 3, Duration.ofSeconds(20));
            assertThat(fired.findValuesAsText("scheduledAt")).map(Instant::parse)
                    .containsExactlyInAnyOrderElementsOf(overdue);
            fired.forEach(notification -> assertThat(Instant.parse(notification.path("deliveredAt").asText()))
                    .as("delivered right after start-up").isBetween(started, started.plusSeconds(5)));
            ReminderEndToEndTest.sleep(Duration.ofSeconds(2));
            assertThat(user.get("/api/notifications").body().path("items")).hasSize(3);
            assertThat(pendingDeadlines(server)).as("the reminder an hour ahead waits").isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TaskstreamApplication.class)
                .run("--server.port=0", "--taskstream.embedded-db.dir=" + home.resolve("pgdata"));
    }

    private static long pendingDeadlines(ConfigurableApplicationContext server) {
        return server.getBean(JdbcClient.class).sql("SELECT count(*) FROM scheduled_tasks").query(Long.class).single();
    }

    private static int port(ConfigurableApplicationContext server) {
        return ((WebServerApplicationContext) server).getWebServer().getPort();
    }
}
