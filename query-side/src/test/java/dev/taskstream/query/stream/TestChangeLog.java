package dev.taskstream.query.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Lets tests of other packages write the real-time stream's change log as the server does. */
public final class TestChangeLog {

    private TestChangeLog() {
    }

    public static ChangeLog over(JdbcClient jdbc, ObjectMapper json) {
        return new ChangeLog(jdbc, json);
    }
}
