package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskstream.server.support.ApiClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Stops the server and starts it again on the same data, as a user does with the jar. */
class RestartTest {

    @TempDir
    Path home;

    @Test
    void tasksAndTokensSurviveARestart() {
        ApiClient user;
        String taskId;
        try (ConfigurableApplicationContext server = start()) {
            user = ApiClient.newUser(port(server));
            taskId = user.post("/api/tasks", "{\"title\":\"Still here tomorrow\"}").text("id");
            ApiClient before = user;
            await().atMost(Duration.ofSeconds(10)).until(() -> before.get("/api/tasks/" + taskId).status() == 200);
        }

        try (ConfigurableApplicationContext server = start()) {
            ApiClient after = ApiClient.anonymous(port(server)).withToken(user.token());
            var task = after.get("/api/tasks/" + taskId);
            assertThat(task.status()).isEqualTo(200);
            assertThat(task.text("title")).isEqualTo("Still here tomorrow");
            assertThat(after.post("/api/tasks/" + taskId + "/complete").status()).isEqualTo(200);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TaskstreamApplication.class)
                .run("--server.port=0", "--taskstream.embedded-db.dir=" + home.resolve("pgdata"));
    }

    private static int port(ConfigurableApplicationContext server) {
        return ((WebServerApplicationContext) server).getWebServer().getPort();
    }
}
