package dev.taskstream.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The opt-out for speed over safety reaches PostgreSQL (the durable default is checked on the running server). */
class LocalPostgresTest {

    @Test
    void unsafeFastWritesTurnOffFsyncAndSynchronousCommit() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.startThrowAway(true);
                Connection connection = DriverManager.getConnection(postgres.jdbcUrl(),
                        postgres.connectionProperties())) {
            assertThat(show(connection, "fsync")).isEqualTo("off");
            assertThat(show(connection, "synchronous_commit")).isEqualTo("off");
        }
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (ResultSet result = connection.createStatement().executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        }
    }
}
