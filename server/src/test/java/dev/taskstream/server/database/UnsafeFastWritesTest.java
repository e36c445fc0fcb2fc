package dev.taskstream.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.server.support.ServerTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The opt-out for speed over safety, which the test servers use ({@link ServerTest}): it reaches PostgreSQL. */
@ServerTest
class UnsafeFastWritesTest {

    @Autowired
    DataSource dataSource;

    @Test
    void turnsOffFsyncAndSynchronousCommit() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("off");
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("off");
    }
}
