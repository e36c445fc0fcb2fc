package dev.taskstream.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskstream.server.TaskstreamApplication;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code kill -9} of Taskstream leaves its PostgreSQL running on the data directory. The next start stops that
 * one and comes up at the first try, with every acknowledged write; a second live Taskstream is refused in one line.
 */
class CrashRestartTest {

    @TempDir
    Path home;

    @AfterEach
    void stopWhatALostTestLeftRunning() throws Exception {
        StalePostmaster.stopIfRunning(home.resolve("pgdata"));
    }

    @Test
    void startsAtTheFirstTryAfterKillDashNineWithTheWritesThere() throws Exception {
        ApiClient user;
        String taskId;
        long orphan;
        try (ServerProcess crashed = ServerProcess.start(home, home.resolve("crashed.log"))) {
            OptionalInt port = crashed.awaitPort();
            assertThat(port).as(crashed.output()).isPresent();
            user = ApiClient.newUser(port.getAsInt());
            taskId = user.post("/api/tasks", "{\"title\":\"Written before the crash\"}").text("id");
            orphan = postmasterPid();
            crashed.kill();
        }
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("PostgreSQL outlives a killed Taskstream")
                .isPresent();

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(TaskstreamApplication.class)
                .run("--server.port=0", "--taskstream.embedded-db.dir=" + home.resolve("pgdata"))) {
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphan was stopped").isEmpty();
            ApiClient after = ApiClient.anonymous(port(restarted)).withToken(user.token());
            await().atMost(Duration.ofSeconds(15)).until(() -> after.get("/api/tasks/" + taskId).status() == 200);
            assertThat(after.get("/api/tasks/" + taskId).text("title")).isEqualTo("Written before the crash");

            try (ServerProcess second = ServerProcess.start(home, home.resolve("second.log"))) {
                assertThat(second.awaitExit(Duration.ofMinutes(2))).as(second.output()).contains(1);
                assertThat(second.outputLines()).as("one line, no stack trace").singleElement().asString()
                        .contains("is in use by another Taskstream (pid " + ProcessHandle.current().pid() + ")");
            }
            assertThat(after.get("/api/tasks/" + taskId).status()).isEqualTo(200);
        }
    }

    private long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(home.resolve("pgdata/postmaster.pid")).get(0).strip());
    }

    private static int port(ConfigurableApplicationContext server) {
        return ((WebServerApplicationContext) server).getWebServer().getPort();
    }
}
