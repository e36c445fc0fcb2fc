package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.Eventually;
import dev.taskstream.server.support.ServerTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every line of {@code hostile-input.tsv}, sent as a client would: refused with the status and field it names, as
 * an RFC 9457 problem, never a 5xx, and with every table of the event store and the read side as it was.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OWNED_TABLES = List.of("task_view", "tag_view", "series_view", "tag_name_registry");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient user;
    private List<UUID> users;
    private final Map<String, String> placeholders = new LinkedHashMap<>();

    @BeforeAll
    void ownAndForeignThings() {
        user = ApiClient.newUser(port);
        ApiClient stranger = ApiClient.newUser(port);
        users = List.of(UUID.fromString(user.userId()), UUID.fromString(stranger.userId()));
        String series = """
                {"title":"Water plants","due":{"date":"2026-12-01","timeZone":"UTC"},"recurrence":{"preset":"daily"}}""";
        placeholders.put("{task}", user.post("/api/tasks", "{\"title\":\"Mine\",\"tags\":[\"home\"]}").text("id"));
        placeholders.put("{series}", user.post("/api/tasks", series).text("seriesId"));
        placeholders.put("{tag}", user.post("/api/tags", "{\"name\":\"work\"}").text("id"));
        placeholders.put("{foreignTask}", stranger.post("/api/tasks", "{\"title\":\"Theirs\"}").text("id"));
        placeholders.put("{foreignSeries}", stranger.post("/api/tasks", series).text("seriesId"));
        placeholders.put("{foreignTag}", stranger.post("/api/tags", "{\"name\":\"theirs\"}").text("id"));
        placeholders.put("{foreignAppToken}", stranger.post("/api/auth/tokens", "{\"name\":\"theirs\"}").text("id"));
        placeholders.put("{tags10000}", IntStream.range(0, 10_000).mapToObj(i -> "\"t" + i + "\"")
                .collect(Collectors.joining(",", "[", "]")));
        placeholders.put("{huge}", "x".repeat(300_000));
        placeholders.put("{longDevice}", "d".repeat(201));
        // The saga confirms each first occurrence; wait until it has, so that counts only move for a reason. Only
        // these two users' series: the server and its database are shared with other test classes.
        Eventually.items(user, "/api/tasks", 2);
        Eventually.items(stranger, "/api/tasks", 2);
        await().atMost(Eventually.BOUND).until(() -> jdbc.sql(
                        "SELECT count(*) FROM series_view WHERE owner_id = ANY(?) AND occurrence_count = 1")
                .params(new Object[] {users.toArray(UUID[]::new)}).query(Long.class).single(), seriesSeen -> seriesSeen == 2);
    }

    @TestFactory
    Stream<DynamicTest> everyLineOfTheCorpusIsRefusedAndStoresNothing() throws IOException {
        return corpus().stream().map(line -> DynamicTest.dynamicTest(line.toString(), () -> {
            Map<String, Long> before = counts();

            HttpResponse<String> response = send(line);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(line.status());
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("code").asText()).as(response.body()).isNotBlank();
            assertThat(problem.path("detail").asText()).as(response.body()).isNotBlank();
            if (line.field() != null) {
                assertThat(problem.path("field").asText()).as(response.body()).isEqualTo(line.field());
            }
            assertThat(counts()).isEqualTo(before);
        }));
    }

    private HttpResponse<String> send(Line line) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + fill(line.path())))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + user.token())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json");
        line.headers().forEach((name, value) -> request.setHeader(name, fill(value)));
        String body = line.body() == null ? null : fill(line.body());
        request.method(line.method(), body == null ? BodyPublishers.noBody()
                : BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return HTTP.send(request.build(), BodyHandlers.ofString());
    }

    private String fill(String text) {
        String filled = text.replace("{newId}", UUID.randomUUID().toString());
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            filled = filled.replace(placeholder.getKey(), placeholder.getValue());
        }
        return filled;
    }

    /**
     * What the two users have, on both sides: the events they caused (stamped with their ids), their rows in every
     * read table, their tag names and app tokens; and the accounts and dead letters of the whole server. Other test
     * classes may share the database, so only these users' rows are counted.
     */
    private Map<String, Long> counts() {
        Object[] owners = {users.toArray(UUID[]::new)};
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("events", jdbc.sql("""
                SELECT count(*) FROM domain_event_entry
                WHERE convert_from(meta_data, 'UTF8') LIKE '%' || ? || '%' OR convert_from(meta_data, 'UTF8') LIKE '%' || ? || '%'""")
                .params(users.get(0).toString(), users.get(1).toString()).query(Long.class).single());
        for (String table : OWNED_TABLES) {
            counts.put(table, jdbc.sql("SELECT count(*) FROM " + table + " WHERE owner_id = ANY(?)").params(owners)
                    .query(Long.class).single());
        }
        counts.put("tag names", jdbc.sql("SELECT count(DISTINCT name) FROM tag_view WHERE owner_id = ANY(?)").params(owners)
                .query(Long.class).single());
        counts.put("app tokens", jdbc.sql("SELECT count(*) FROM app_token WHERE user_id = ANY(?)").params(owners)
                .query(Long.class).single());
        counts.put("accounts", jdbc.sql("SELECT count(*) FROM account").query(Long.class).single());
        counts.put("dead letters", jdbc.sql("SELECT count(*) FROM dead_letter_entry").query(Long.class).single());
        return counts;
    }

    private static List<Line> corpus() throws IOException {
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/hostile-input.tsv")) {
            List<Line> lines = new ArrayList<>();
            for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!raw.isBlank() && !raw.startsWith("#")) {
                    lines.add(Line.parse(raw));
                }
            }
            return lines;
        }
    }

    /** One request of the corpus. */
    private record Line(int status, String field, String method, String path, String body, Map<String, String> headers) {

        static Line parse(String raw) {
            String[] columns = raw.split("\t");
            Map<String, String> headers = new LinkedHashMap<>();
            if (columns.length > 5) {
                for (String header : columns[5].split(" \\| ")) {
                    String[] nameAndValue = header.split(": ", 2);
                    headers.put(nameAndValue[0], nameAndValue[1]);
                }
            }
            return new Line(Integer.parseInt(columns[0]), dash(columns[1]), columns[2], columns[3],
                    columns.length > 4 ? dash(columns[4]) : null, headers);
        }

        private static String dash(String column) {
            return column.equals("-") ? null : column;
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : " " + (body.length() > 80 ? body.substring(0, 80) + "…" : body);
            return status + " " + method + " " + path + shown + (headers.isEmpty() ? "" : " " + headers);
        }
    }
}
