package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.Eventually;
import dev.taskstream.server.support.ServerTest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The CLI without {@code --server}, each run a JVM of its own as {@code java -jar taskstream.jar <subcommand>} runs it
 * (the same main class and classpath), given only the environment variables a server is given for its database; this
 * test's server runs on that database meanwhile.
 */
@ServerTest
class CliDatabaseModeTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path dir;

    @Test
    void theCliReadsHistoryInspectsProcessorsAndRebuildsOnTheServersDatabase() throws Exception {
        ApiClient user = ApiClient.newUser(port).onDevice("phone");
        String id = user.post("/api/tasks", "{\"title\":\"Buy milk\"}").text("id");
        user.patch("/api/tasks/" + id, "{\"title\":\"Buy oat milk\"}");
        Eventually.task(user, id, 1);

        Run history = cli(database(), "history", id);
        assertThat(history.code).as(history.err).isZero();
        assertThat(history.out).contains("SEQ", "TaskCreated", "TaskRenamed", "title: 'Buy milk' → 'Buy oat milk'", "phone");

        Run processors = cli(database(), "processors");
        assertThat(processors.code).as(processors.err).isZero();
        assertThat(processors.out).startsWith("PROCESSOR").contains("task-view", "tracking", "series-view");

        Run replay = cli(database(), "replay", "task-view", "--yes", "--poll", "100");
        assertThat(replay.code).as(replay.err).isZero();
        assertThat(replay.out).contains("DONE", "Rebuilt task-view");
        assertThat(user.get("/api/tasks/" + id).body().get("title").asText())
                .as("the server reads the table the CLI's process rebuilt").isEqualTo("Buy oat milk");

        Run unreachable = cli(Map.of("TASKSTREAM_DB_URL", "jdbc:postgresql://127.0.0.1:1/taskstream"), "processors");
        assertThat(unreachable.code).isEqualTo(4);
        assertThat(unreachable.err.lines()).singleElement().asString().startsWith("taskstream: Cannot open the database");
        assertThat(unreachable.out).isEmpty();
    }

    /** The server's database as its operator would give it: TASKSTREAM_DB_URL, _USER and _PASSWORD. */
    private Map<String, String> database() {
        HikariDataSource database = (HikariDataSource) dataSource;
        StringBuilder url = new StringBuilder(database.getJdbcUrl());
        // The embedded database is reached through a Unix socket, named in the driver's properties.
        database.getDataSourceProperties().forEach((name, value) -> url.append(url.indexOf("?") < 0 ? '?' : '&')
                .append(name).append('=').append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8)));
        String user = database.getUsername() != null ? database.getUsername()
                : database.getDataSourceProperties().getProperty("user");
        return Map.of("TASKSTREAM_DB_URL", url.toString(), "TASKSTREAM_DB_USER", user,
                "TASKSTREAM_DB_PASSWORD", database.getPassword() == null ? "" : database.getPassword());
    }

    private Run cli(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), TaskstreamApplication.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TASKSTREAM_"));
        builder.environment().put("TASKSTREAM_HOME", dir.resolve("home").toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("taskstream " + String.join(" ", args) + " did not end: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record Run(int code, String out, String err) {
    }
}
