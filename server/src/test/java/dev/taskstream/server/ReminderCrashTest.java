package dev.taskstream.server;

import static dev.taskstream.server.support.Reminders.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskstream.server.support.ApiClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code kill -9} of the server while reminders are firing: after a restart every reminder has fired exactly once.
 * The server runs as a child JVM (a real SIGKILL: no shutdown hook, no graceful stop) on a PostgreSQL that this test
 * owns, so the database outlives the crash as it would in production.
 */
class ReminderCrashTest {

    private static final int TASKS = 30;
    private static final int REMINDERS_PER_TASK = 10;
    private static final int TOTAL = TASKS * REMINDERS_PER_TASK;
    private static final Duration START_UP = Duration.ofMinutes(3);

    @TempDir
    Path home;

    @Test
    void killedWhileRemindersAreFiring_everyReminderFiresOnceAfterTheRestart() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
            String url = postgres.getJdbcUrl("postgres", "postgres");

            ChildServer first = ChildServer.start(url, home.resolve("first.log"));
            ApiClient user;
            try {
                user = ApiClient.newUser(first.port());
                Instant due = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.MILLIS);
                for (int task = 0; task < TASKS; task++) {
                    int offset = task * REMINDERS_PER_TASK;
                    List<String> reminders = IntStream.range(0, REMINDERS_PER_TASK)
                            .mapToObj(i -> at(due.plusMillis(offset + i))).toList();
                    assertThat(user.post("/api/tasks", "{\"title\":\"task " + task + "\",\"reminders\":["
                            + String.join(",", reminders) + "]}").status()).isEqualTo(201);
                }
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() -> fired(jdbc) > 0);
            } finally {
                first.kill(); // as soon as the first reminder fired; and never left running if anything above failed
            }
            long firedAtKill = fired(jdbc);
            assertThat(firedAtKill).as("killed while firing").isBetween(1L, TOTAL - 1L);

            ChildServer second = ChildServer.start(url, home.resolve("second.log"));
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> fired(jdbc) == TOTAL && notifications(jdbc) == TOTAL);
                // Executions the killed process had picked run again once their heartbeat is stale (4 s): wait past
                // that, then nothing more may have fired.
                ReminderEndToEndTest.sleep(Duration.ofSeconds(6));
                assertThat(fired(jdbc)).isEqualTo(TOTAL);
                assertThat(notifications(jdbc)).isEqualTo(TOTAL);
                assertThat(pendingDeadlines(jdbc)).isZero();
                ApiClient again = ApiClient.anonymous(second.port()).withToken(user.token());
                assertThat(again.get("/api/notifications").body().path("unreadCount").asLong()).isEqualTo(TOTAL);
            } finally {
                second.stop();
            }
        }
    }

    private static long fired(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type = ?")
                .param("dev.taskstream.api.tasks.ReminderFired").query(Long.class).single();
    }

    private static long notifications(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM notification").query(Long.class).single();
    }

    private static long pendingDeadlines(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM scheduled_tasks").query(Long.class).single();
    }

    /** The server in a JVM of its own, on the test's class path. */
    private record ChildServer(Process process, int port, Path log) {

        static ChildServer start(String databaseUrl, Path log) throws IOException {
            int port = freePort();
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                    // C1 only and the serial collector: starts in about two thirds of the time, fast enough here.
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath,
                    TaskstreamApplication.class.getName(), "--server.port=" + port,
                    "--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=postgres"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ChildServer server = new ChildServer(process, port, log);
            try {
                await().atMost(START_UP).pollInterval(Duration.ofMillis(250)).until(server::ready);
            } catch (RuntimeException e) {
                process.destroyForcibly();
                throw new AssertionError("The server did not start:\n" + Files.readString(log), e);
            }
            return server;
        }

        private boolean ready() {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited with " + process.exitValue());
            }
            try {
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** SIGKILL: the JVM gets no chance to finish anything. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
