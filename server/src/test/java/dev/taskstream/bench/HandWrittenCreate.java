package dev.taskstream.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tasks.CreateTaskRequest;
import dev.taskstream.api.tasks.WriteResult;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * WriteBenchmark's second reference: a create written by hand, without event sourcing. The same Tomcat, security chain
 * (bearer token), JSON body and answer as {@code POST /api/tasks}, and one insert of an event-shaped row on the
 * server's pool, with no command bus, aggregate, projection or saga. What {@code POST /api/tasks} costs beyond it is
 * what event sourcing costs; what it costs beyond the plain JDBC loop is the HTTP stack on the same cores.
 * It lives outside {@code dev.taskstream.server} so that no other test's application scans it in: only the
 * benchmark adds it.
 */
@RestController
public class HandWrittenCreate {

    public static final String PATH = "/api/bench/hand-written-tasks";

    /** The row an event append writes, into WriteBenchmark's copy of the event table; the baseline sends it too. */
    public static final String INSERT_EVENT_ROW = """
            INSERT INTO bench_append (global_index, event_identifier, aggregate_identifier, sequence_number, type,
                                      time_stamp, payload_type, payload_revision, payload, meta_data)
            VALUES (nextval('bench_append_seq'), ?, ?, 0, 'Task', ?, ?, '1', ?, ?)""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    HandWrittenCreate(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @PostMapping(PATH)
    ResponseEntity<WriteResult> create(@RequestBody CreateTaskRequest request, UserId user) throws IOException {
        if (request.title() == null || request.title().isBlank()) {
            throw TaskstreamException.invalidField("title", "A task needs a title.");
        }
        TaskId id = TaskId.random();
        jdbc.sql(INSERT_EVENT_ROW)
                .params(UUID.randomUUID().toString(), id.toString(), Instant.now().toString(),
                        CreateTaskRequest.class.getName(), json.writeValueAsBytes(request),
                        json.writeValueAsBytes(Map.of("userId", user.value())))
                .update();
        return ResponseEntity.created(URI.create("/api/tasks/" + id)).eTag("0").body(new WriteResult(id, 0));
    }
}
