package dev.taskstream.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskstream.server.TaskstreamApplication;
import dev.taskstream.server.support.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded default, as the jar runs it on a kept data directory: durable, and reachable only by its owner. */
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

    @TempDir
    Path home;

    @Test
    void isDurableAndOnlyItsOwnerCanConnect() throws Exception {
        Path data = home.resolve("pgdata");
        try (ConfigurableApplicationContext server = start()) {
            JdbcTemplate jdbc = new JdbcTemplate(server.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
            assertThat(accessRules(jdbc)).containsExactly("local all all trust");

            LocalPostgres postgres = server.getBean(LocalPostgres.class);
            assertThatThrownBy(() -> DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + postgres.port() + "/postgres", "postgres", ""))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("no pg_hba.conf entry");
            assertThat(postgres.socket().getParent()).isEqualTo(data);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(postgres.socket())))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void aDataDirectoryFromAnEarlierVersionIsTightenedAndKeepsItsData() throws Exception {
        ApiClient user;
        try (ConfigurableApplicationContext server = start()) {
            user = ApiClient.newUser(port(server));
        }
        Files.writeString(home.resolve("pgdata/pg_hba.conf"), EARLIER_ACCESS_RULES);

        try (ConfigurableApplicationContext server = start("--taskstream.embedded-db.unsafe-fast-writes=true")) {
            JdbcTemplate jdbc = new JdbcTemplate(server.getBean(DataSource.class));
            assertThat(accessRules(jdbc)).containsExactly("local all all trust");
            assertThat(ApiClient.anonymous(port(server)).withToken(user.token()).get("/api/tasks").status())
                    .isEqualTo(200);
            // the opt-out, for people who choose speed over their data
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("off");
            assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("off");
        }
    }

    private static List<String> accessRules(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                SELECT concat_ws(' ', type, array_to_string(database, ','), array_to_string(user_name, ','),
                                 address, auth_method)
                FROM pg_hba_file_rules ORDER BY rule_number""", String.class);
    }

    private ConfigurableApplicationContext start(String... more) {
        String[] arguments = Stream.concat(
                Stream.of("--server.port=0", "--taskstream.embedded-db.dir=" + home.resolve("pgdata")),
                Stream.of(more)).toArray(String[]::new);
        return new SpringApplicationBuilder(TaskstreamApplication.class).run(arguments);
    }

    private static int port(ConfigurableApplicationContext server) {
        return ((WebServerApplicationContext) server).getWebServer().getPort();
    }
}
