package dev.taskstream.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.taskstream.server.TaskstreamApplication;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default on a kept data directory, after the worst start it meets: Taskstream in its own JVM writes
 * a task and is killed with {@code kill -9}, which leaves its PostgreSQL running, on a directory whose access
 * rules are still those of an earlier version (trust on TCP). Then it starts again, and the tests look at it.
 * One scenario for all of them, because each start of the whole server costs seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedDatabaseTest {

    /** What initdb writes with {@code -A trust}, as every version before this one ran. */
    private static final String EARLIER_ACCESS_RULES = """
            local   all             all                                     trust
            host    all             all             127.0.0.1/32            trust
            host    all             all             ::1/128                 trust
            local   replication     all                                     trust
            host    replication     all             127.0.0.1/32            trust
            host    replication     all             ::1/128                 trust
            """;

    private Path home;
    private ApiClient user;
    private String taskId;
    private long orphanPid;
    private ConfigurableApplicationContext server;

    @BeforeAll
    void writeThenKillDashNineThenStartAgain(@TempDir Path temporary) throws Exception {
        home = temporary;
        try (ServerProcess crashed = ServerProcess.start(home, home.resolve("crashed.log"))) {
            OptionalInt port = crashed.awaitPort();
            assertThat(port).as(crashed.output()).isPresent();
            user = ApiClient.newUser(port.getAsInt());
            taskId = user.post("/api/tasks", "{\"title\":\"Written before the crash\"}").text("id");
            orphanPid = Long.parseLong(Files.readAllLines(data().resolve("postmaster.pid")).get(0).strip());
            crashed.kill();
        }
        assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive))
                .as("its PostgreSQL outlives a killed Taskstream").isPresent();
        Files.writeString(data().resolve("pg_hba.conf"), EARLIER_ACCESS_RULES);

        server = new SpringApplicationBuilder(TaskstreamApplication.class)
                .run("--server.port=0", "--spring.datasource.url=", "--taskstream.embedded-db.dir=" + data());
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (home != null) {
            StalePostmaster.stopIfRunning(data()); // only if the scenario failed half-way
        }
    }

    @Test
    void comesUpAtTheFirstTryAfterKillDashNineWithTheWriteThere() {
        assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive)).as("the orphan was stopped").isEmpty();
        ApiClient after = ApiClient.anonymous(port()).withToken(user.token());
        await().atMost(Duration.ofSeconds(15)).until(() -> after.get("/api/tasks/" + taskId).status() == 200);
        assertThat(after.get("/api/tasks/" + taskId).text("title")).isEqualTo("Written before the crash");
    }

    @Test
    void writesAreDurable() {
        assertThat(jdbc().queryForObject("SHOW fsync", String.class)).isEqualTo("on");
        assertThat(jdbc().queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
    }

    @Test
    void theAccessRulesOfAnEarlierVersionAreReplacedByTheSocketAlone() {
        assertThat(jdbc().queryForList("""
                SELECT concat_ws(' ', type, array_to_string(database, ','), array_to_string(user_name, ','),
                                 address, auth_method)
                FROM pg_hba_file_rules ORDER BY rule_number""", String.class))
                .containsExactly("local all all trust");
    }

    @Test
    void aTcpLoginIsRefused() {
        int tcpPort = server.getBean(LocalPostgres.class).port();
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://localhost:" + tcpPort + "/postgres",
                "postgres", ""))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no pg_hba.conf entry");
    }

    @Test
    void onlyTheOwnerCanReachTheSocket() throws Exception {
        Path socket = server.getBean(LocalPostgres.class).socket();
        assertThat(socket.getParent()).isEqualTo(data());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rwx------");
    }

    @Test
    void aSecondLiveTaskstreamOnTheSameHomeIsRefusedInOneLine() throws Exception {
        try (ServerProcess second = ServerProcess.start(home, home.resolve("second.log"))) {
            assertThat(second.awaitExit(Duration.ofMinutes(2))).as(second.output()).contains(1);
            assertThat(second.outputLines()).as("one line, no stack trace").singleElement().asString()
                    .contains(data() + " is in use by another Taskstream (pid " + ProcessHandle.current().pid() + ")");
        }
        assertThat(ApiClient.anonymous(port()).withToken(user.token()).get("/api/tasks").status()).isEqualTo(200);
    }

    private Path data() {
        return home.resolve("pgdata");
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(server.getBean(DataSource.class));
    }

    private int port() {
        return ((WebServerApplicationContext) server).getWebServer().getPort();
    }
}
