package dev.taskstream.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.api.UserId;
import dev.taskstream.query.tasks.TaskListStatements;
import dev.taskstream.server.TaskstreamApplication;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ApiClient.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * How fast the task list answers at a million tasks: 1,000 users, one of them with 100,000. Each query
 * of the heavy user runs over HTTP and, as the same SQL planned the same way (for its values), straight on the
 * database; the ratio shows what the API adds. Run with {@code ./mvnw -Pbench verify -pl server -am}; not part of
 * the normal suite. {@code -Dbench.home=DIR} keeps the loaded database in DIR, and a later run with the same DIR
 * reuses it.
 */
class ListQueryBenchmark {

    private static final int USERS = 1_000;
    private static final int HEAVY_USER_TASKS = 100_000;
    private static final int OTHER_USER_TASKS = 901;
    private static final String HEAVY_USER = "{\"email\":\"heavy@bench.example\",\"password\":\"correct horse battery staple\"}";
    /** Enough requests for the JIT to compile the request path before anything is measured. */
    private static final int SERVER_WARM_UP = 3_000;
    private static final int WARM_UP = 100;
    private static final int SAMPLES = Integer.getInteger("bench.samples", 300);

    @TempDir
    Path home;

    @Test
    void listQueriesAtAMillionTasks() {
        Path data = Path.of(System.getProperty("bench.home", home.toString())).resolve("pgdata");
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(TaskstreamApplication.class)
                .run("--server.port=0", "--taskstream.embedded-db.dir=" + data)) {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            JdbcClient jdbc = server.getBean(JdbcClient.class);
            TransactionTemplate plannedAsTaskListPlansIt =
                    new TransactionTemplate(server.getBean(PlatformTransactionManager.class));
            ApiClient anonymous = ApiClient.anonymous(port);
            Response signup = anonymous.post("/api/auth/signup", HEAVY_USER);
            boolean loaded = signup.status() != 201;
            ApiClient heavy = anonymous.withToken(
                    (loaded ? anonymous.post("/api/auth/login", HEAVY_USER) : signup).text("accessToken"));
            UserId heavyUser = UserId.of(subject(heavy.token()));

            List<UUID> heavyTags = loaded ? storedTags(jdbc, heavyUser.value()) : load(jdbc, heavyUser.value());

            Map<String, String> queries = new LinkedHashMap<>();
            queries.put("plain list", "limit=50");
            queries.put("text search, typing", "q=milk&limit=50");
            queries.put("text search, word", "q=milk%20&limit=50");
            queries.put("text search, two words", "q=milk%20insurance&limit=50");
            queries.put("tag filter", "tag=tag-3&limit=50");
            queries.put("text+tag+priority+sort", "q=call&tag=tag-1&priority=HIGH,MEDIUM&sort=due&limit=50");
            queries.put("deep cursor page", "limit=50&cursor=" + cursorAtDepth(heavy, 200));

            for (int i = 0; i < SERVER_WARM_UP; i++) {
                heavy.get("/api/tasks?limit=50&sort=" + List.of("due", "title", "-priority").get(i % 3));
            }
            System.out.printf("%n%-24s %26s %26s %8s%n", "query (heavy user)", "HTTP p50/p95/p99 ms",
                    "raw SQL p50/p95/p99 ms", "HTTP/raw");
            for (Map.Entry<String, String> query : queries.entrySet()) {
                double[] http = time(() -> {
                    Response response = heavy.get("/api/tasks?" + query.getValue());
                    assertThat(response.status()).isEqualTo(200);
                    assertThat(response.body().get("items")).isNotEmpty();
                    return response;
                });
                Map.Entry<String, List<Object>> statement = TaskListStatements.page(heavyUser,
                        decodedParameters(query.getValue()),
                        query.getValue().contains("tag=") ? List.of(tagId(query.getValue(), heavyTags)) : null);
                double[] raw = time(() -> plannedAsTaskListPlansIt.execute(transaction -> {
                    jdbc.sql(TaskListStatements.PLAN_FOR_THE_USER).update();
                    return jdbc.sql(statement.getKey()).params(statement.getValue()).query().listOfRows();
                }));
                System.out.printf("%-24s %26s %26s %8.2f%n", query.getKey(), percentiles(http), percentiles(raw),
                        http[1] / raw[1]);
            }
        }
    }

    private static List<UUID> load(JdbcClient jdbc, UUID heavyUser) {
        long started = System.nanoTime();
        BulkTasks bulk = new BulkTasks(jdbc);
        List<UUID> heavyTags = bulk.tags(heavyUser);
        for (int batch = 0; batch < HEAVY_USER_TASKS; batch += 20_000) {
            bulk.tasks(heavyUser, heavyTags, batch, batch + 19_999L);
            progress(batch + 20_000, started);
        }
        for (int user = 1; user < USERS; user++) {
            UUID owner = UUID.nameUUIDFromBytes(("bench-user-" + user).getBytes());
            bulk.tasks(owner, bulk.tags(owner), 0, OTHER_USER_TASKS - 1);
            if (user % 100 == 0) {
                progress(HEAVY_USER_TASKS + (long) user * OTHER_USER_TASKS, started);
            }
        }
        // What autovacuum would do soon after such a load: fold the GIN pending lists in, gather statistics.
        jdbc.sql("VACUUM ANALYZE task_view").update();
        jdbc.sql("VACUUM ANALYZE tag_view").update();
        long total = jdbc.sql("SELECT count(*) FROM task_view").query(Long.class).single();
        System.out.printf("loaded %,d tasks of %,d users in %.0f s%n", total, USERS, (System.nanoTime() - started) / 1e9);
        return heavyTags;
    }

    private static List<UUID> storedTags(JdbcClient jdbc, UUID owner) {
        return jdbc.sql("SELECT tag_id FROM tag_view WHERE owner_id = ? ORDER BY substring(name, 5)::int")
                .param(owner)
                .query(UUID.class)
                .list();
    }

    private static void progress(long done, long started) {
        System.out.printf("  loading: %,9d tasks, %5.0f s%n", done, (System.nanoTime() - started) / 1e9);
    }

    /** The cursor after {@code pages} pages of 50, newest first: 10,000 rows deep at 200 pages. */
    private static String cursorAtDepth(ApiClient user, int pages) {
        String cursor = null;
        for (int page = 0; page < pages; page++) {
            Response response = user.get("/api/tasks?limit=50" + (cursor == null ? "" : "&cursor=" + cursor));
            cursor = response.text("nextCursor");
        }
        return cursor;
    }

    private static Map<String, List<String>> decodedParameters(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        UriComponentsBuilder.fromUriString("/?" + query).build().getQueryParams().forEach((name, values) ->
                parameters.put(name, values.stream().map(value -> URLDecoder.decode(value, StandardCharsets.UTF_8)).toList()));
        return parameters;
    }

    private static UUID tagId(String query, List<UUID> tags) {
        int index = Integer.parseInt(query.replaceAll(".*tag=tag-(\\d+).*", "$1"));
        return tags.get(index);
    }

    /** Milliseconds at p50, p95 and p99 over {@link #SAMPLES} runs after a warm-up. */
    private static double[] time(Supplier<?> run) {
        for (int i = 0; i < WARM_UP; i++) {
            run.get();
        }
        double[] millis = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            run.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new double[] {at(millis, 0.50), at(millis, 0.95), at(millis, 0.99)};
    }

    private static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static String percentiles(double[] p) {
        return String.format("%6.1f / %6.1f / %6.1f", p[0], p[1], p[2]);
    }

    private static String subject(String jwt) {
        String claims = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        return claims.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
    }
}
