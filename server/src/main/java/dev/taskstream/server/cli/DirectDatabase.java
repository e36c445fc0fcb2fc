package dev.taskstream.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import dev.taskstream.query.tasks.TaskQueryController;
import dev.taskstream.server.TaskstreamApplication;
import dev.taskstream.server.admin.AdminController;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The CLI without {@code --server}: the application started in this process on the server's own database (the same
 * settings and environment variables), as a query instance, and the admin API's and history's
 * own code called in it, so that the answers are the server's. Its event processors are stopped at once: this
 * process only reads, rebuilds (which any instance may, see Rebuild) and handles dead letters. History needs no token
 * here: whoever holds the database's credentials can read it all anyway.
 */
final class DirectDatabase implements AutoCloseable {

    private static final Pattern PROCESSORS = Pattern.compile("/api/admin/processors");
    private static final Pattern REPLAY = Pattern.compile("/api/admin/processors/([^/]+)/replay");
    private static final Pattern LETTERS = Pattern.compile("/api/admin/processors/([^/]+)/dead-letters");
    private static final Pattern RETRY_ALL = Pattern.compile("/api/admin/processors/([^/]+)/dead-letters/retry");
    private static final Pattern RETRY = Pattern.compile("/api/admin/processors/([^/]+)/dead-letters/([^/]+)/retry");
    private static final Pattern LETTER = Pattern.compile("/api/admin/processors/([^/]+)/dead-letters/([^/]+)");
    private static final Pattern HISTORY = Pattern.compile("/api/tasks/([^/]+)/history");
    private static final Pattern TASK = Pattern.compile("/api/tasks/([^/]+)");

    private final ConfigurableApplicationContext context;
    private final ObjectMapper json;
    private final AdminController admin;
    private final TaskQueryController tasks;
    private final JdbcClient jdbc;

    DirectDatabase() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        try {
            // Run arguments, not defaults: application.yml would override defaults (roles from TASKSTREAM_ROLES).
            // The stream's WebSocket endpoint needs a servlet container: one on a free loopback port, serving nobody.
            context = new SpringApplicationBuilder(TaskstreamApplication.class)
                    .run("--taskstream.roles=query", "--server.port=0", "--server.address=127.0.0.1",
                            "--spring.main.banner-mode=off", "--logging.level.root=OFF");
        } catch (RuntimeException e) {
            throw new Failure(Cli.EXIT_UNREACHABLE, "Cannot open the database: " + rootCause(e));
        }
        context.getBean(EventProcessingConfiguration.class).eventProcessors().values().forEach(EventProcessor::shutDown);
        json = context.getBean(ObjectMapper.class);
        admin = context.getBean(AdminController.class);
        tasks = context.getBean(TaskQueryController.class);
        jdbc = context.getBean(JdbcClient.class);
    }

    JsonNode get(String target) {
        URI uri = URI.create(target);
        String path = uri.getRawPath();
        Matcher m;
        if ((m = PROCESSORS.matcher(path)).matches()) {
            return answer(admin::processors);
        } else if ((m = REPLAY.matcher(path)).matches()) {
            String processor = part(m, 1);
            return answer(() -> admin.replayProgress(processor));
        } else if ((m = LETTERS.matcher(path)).matches()) {
            String processor = part(m, 1);
            return answer(() -> admin.deadLetters(processor));
        } else if ((m = HISTORY.matcher(path)).matches()) {
            UUID task = task(part(m, 1));
            return answer(() -> tasks.history(task, query(uri), owner(task)));
        } else if ((m = TASK.matcher(path)).matches()) {
            UUID task = task(part(m, 1));
            String asOf = query(uri).getFirst("asOf");
            return answer(() -> tasks.get(task, asOf, owner(task)).getBody());
        }
        throw unknown(target);
    }

    JsonNode post(String target) {
        String path = URI.create(target).getRawPath();
        Matcher m;
        if ((m = REPLAY.matcher(path)).matches()) {
            String processor = part(m, 1);
            return answer(() -> admin.replay(processor));
        } else if ((m = RETRY_ALL.matcher(path)).matches()) {
            String processor = part(m, 1);
            return answer(() -> admin.retryAll(processor));
        } else if ((m = RETRY.matcher(path)).matches()) {
            String processor = part(m, 1);
            String letter = part(m, 2);
            return answer(() -> admin.retry(processor, letter));
        }
        throw unknown(target);
    }

    JsonNode delete(String target) {
        Matcher m = LETTER.matcher(URI.create(target).getRawPath());
        if (m.matches()) {
            String processor = part(m, 1);
            String letter = part(m, 2);
            return answer(() -> admin.evict(processor, letter));
        }
        throw unknown(target);
    }

    @Override
    public void close() {
        context.close();
    }

    /** The owner of a task, from its first event: history is per owner, and here the operator reads any task's. */
    private UserId owner(UUID task) {
        Optional<byte[]> created = jdbc.sql("""
                        SELECT payload FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND sequence_number = 0 AND payload_type = ?""")
                .params(task.toString(), "dev.taskstream.api.tasks.TaskCreated")
                .query(byte[].class).optional();
        try {
            return created.map(payload -> read(payload).path("ownerId").asText())
                    .map(owner -> new UserId(UUID.fromString(owner)))
                    .orElseThrow(() -> new Failure(Cli.EXIT_REFUSED, "No task " + task + " in this database."));
        } catch (IllegalArgumentException e) {
            throw new Failure(Cli.EXIT_REFUSED, "Task " + task + " has no readable owner.");
        }
    }

    private JsonNode read(byte[] payload) {
        try {
            return json.readTree(payload);
        } catch (IOException e) {
            throw new Failure(Cli.EXIT_REFUSED, "A stored event could not be read: " + e.getMessage());
        }
    }

    /** The same one line as over HTTP: the refusal's detail and code. */
    private JsonNode answer(Supplier<Object> call) {
        try {
            return json.valueToTree(call.get());
        } catch (TaskstreamException e) {
            throw new Failure(Cli.EXIT_REFUSED, e.refusal().detail() + " (" + e.refusal().code() + ")");
        }
    }

    private static LinkedMultiValueMap<String, String> query(URI uri) {
        LinkedMultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        UriComponentsBuilder.fromUri(uri).build(true).getQueryParams().forEach((name, values) ->
                values.forEach(value -> parameters.add(name, URLDecoder.decode(value, StandardCharsets.UTF_8))));
        return parameters;
    }

    private static String part(Matcher matcher, int group) {
        return URLDecoder.decode(matcher.group(group), StandardCharsets.UTF_8);
    }

    private static UUID task(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new Failure(Cli.EXIT_USAGE, "'" + id + "' is not a task id (a UUID).");
        }
    }

    private static IllegalStateException unknown(String target) {
        return new IllegalStateException("The database mode has no answer for " + target);
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage()).lines().findFirst().orElse(cause.toString());
    }
}
