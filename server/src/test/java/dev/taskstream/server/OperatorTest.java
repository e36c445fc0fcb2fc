package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskstream.api.tasks.TaskCreated;
import dev.taskstream.server.cli.Cli;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ApiClient.Response;
import dev.taskstream.server.support.Eventually;
import dev.taskstream.server.support.ServerTest;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The operators' side over real HTTP: the admin API and the metrics for admins only, dead letters parked and recovered, a rebuild of
 * task-view while users read and write, and the CLI run against this running server.
 */
@ServerTest(properties = {"taskstream.admin.emails=" + OperatorTest.ADMIN, "taskstream.rebuild.batch-size=100"})
@Import(OperatorTest.PoisonPill.class)
class OperatorTest {

    static final String ADMIN = "operator-test-admin@example.org";
    private static final String POISON = "poison";

    /**
     * A handler in the task-view processor that fails for tasks titled "poison…" until the "fix" is deployed. It runs
     * before the projection, so the parked task has no row at all.
     */
    @ProcessingGroup("task-view")
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class PoisonPill {

        static final AtomicBoolean FAILING = new AtomicBoolean(true);

        @EventHandler
        void on(TaskCreated event) {
            if (FAILING.get() && event.title().startsWith(POISON)) {
                throw new IllegalStateException("poison pill in " + event.taskId());
            }
        }
    }

    @LocalServerPort
    int port;

    @AfterEach
    void fixed() {
        PoisonPill.FAILING.set(false);
    }

    @Test
    void onlyAdminsReadTheMetricsWhileProbesStayPublic() {
        String meter = "/actuator/metrics/taskstream.writes.at-once";
        assertThat(ApiClient.anonymous(port).get(meter).status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).get("/actuator/metrics").status()).isEqualTo(401);
        Response notAdmin = ApiClient.newUser(port).get(meter);
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(notAdmin.text("code")).isEqualTo("FORBIDDEN");
        Response metrics = ApiClient.user(port, ADMIN).get(meter);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body().path("measurements").path(0).path("value").asDouble()).isPositive();
        assertThat(ApiClient.anonymous(port).get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(ApiClient.anonymous(port).get("/actuator/info").status()).isEqualTo(200);
    }

    @Test
    void onlyAdminsReachTheAdminApi() {
        ApiClient admin = ApiClient.user(port, ADMIN);

        Response notAdmin = ApiClient.newUser(port).get("/api/admin/processors");
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(notAdmin.text("code")).isEqualTo("FORBIDDEN");
        assertThat(notAdmin.text("type")).startsWith("urn:taskstream:problem:");
        assertThat(notAdmin.header("Content-Type")).isEqualTo("application/problem+json");
        Response anonymous = ApiClient.anonymous(port).get("/api/admin/processors");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.text("code")).isEqualTo("UNAUTHENTICATED");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(ApiClient.anonymous(port).withToken("forged.token.here").get("/api/admin/processors").text("code"))
                .isEqualTo("UNAUTHENTICATED");
        Response processors = admin.get("/api/admin/processors");
        assertThat(processors.status()).isEqualTo(200);
        JsonNode taskView = processor(processors.body(), "task-view");
        assertThat(taskView.get("mode").asText()).isEqualTo("tracking");
        assertThat(taskView.get("rebuildable").asBoolean()).isTrue();
        assertThat(taskView.get("head").asLong()).isGreaterThanOrEqualTo(taskView.get("position").asLong());
        assertThat(processor(processors.body(), "recurrence").get("rebuildable").asBoolean()).isFalse();
        assertProblem(admin.get("/api/admin/processors/nope/dead-letters"), 404, "processor");
        assertProblem(admin.post("/api/admin/processors/nope/replay"), 404, "processor");
        assertProblem(admin.post("/api/admin/processors/recurrence/replay"), 409, "processor");
        assertProblem(admin.delete("/api/admin/processors/task-view/dead-letters/" + UUID.randomUUID()), 404, "id");
        assertProblem(admin.post("/api/admin/processors/task-view/dead-letters/not-a-letter/retry"), 404, "id");
    }

    @Test
    void aPoisonedTaskIsParked_theOthersGoOn_andARetryAfterTheFixDeliversIt() {
        PoisonPill.FAILING.set(true);
        ApiClient admin = ApiClient.user(port, ADMIN);
        ApiClient user = ApiClient.newUser(port);
        String poisoned = user.post("/api/tasks", "{\"title\":\"poison: buy milk\"}").text("id");
        user.patch("/api/tasks/" + poisoned, "{\"title\":\"poison: buy oat milk\"}");
        String fine = user.post("/api/tasks", "{\"title\":\"water the fern\"}").text("id");

        Eventually.task(user, fine, 0);
        List<JsonNode> letters = await().atMost(Eventually.BOUND).until(() -> lettersOf(admin, poisoned), l -> l.size() == 2);
        assertThat(letters).extracting(l -> l.get("type").asText()).containsExactly("TaskCreated", "TaskRenamed");
        assertThat(letters.get(0).get("cause").asText()).contains("poison pill");
        assertThat(user.get("/api/tasks/" + poisoned).status()).isEqualTo(404);
        assertThat(processor(admin.get("/api/admin/processors").body(), "task-view").get("deadLetters").asLong()).isPositive();

        PoisonPill.FAILING.set(false);
        assertThat(admin.post("/api/admin/processors/task-view/dead-letters/retry").status()).isEqualTo(200);

        assertThat(Eventually.task(user, poisoned, 1).get("title").asText()).isEqualTo("poison: buy oat milk");
        assertThat(lettersOf(admin, poisoned)).isEmpty();
    }

    @Test
    void aRebuildKeepsAnsweringReads_andEveryWriteMadeMeanwhileIsInTheResult() throws Exception {
        ApiClient admin = ApiClient.user(port, ADMIN);
        ApiClient user = ApiClient.newUser(port);
        int before = 100;
        IntStream.range(0, before).forEach(i -> user.post("/api/tasks", "{\"title\":\"before " + i + "\"}"));
        Eventually.items(user, "/api/tasks?limit=200", before);

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        List<Long> totalsSeen = Collections.synchronizedList(new ArrayList<>());
        List<Integer> badAnswers = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            while (rebuilding.get()) {
                Response page = user.get("/api/tasks?count=true&limit=1");
                if (page.status() != 200) {
                    badAnswers.add(page.status());
                } else {
                    totalsSeen.add(page.body().get("total").asLong());
                }
            }
        });
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        Thread writer = new Thread(() -> {
            for (int i = 0; rebuilding.get(); i++) {
                if (user.post("/api/tasks", "{\"title\":\"during " + i + "\"}").status() == 201) {
                    written.add("during " + i);
                }
            }
        });
        reader.start();
        writer.start();

        assertThat(admin.post("/api/admin/processors/task-view/replay").status()).isEqualTo(202);
        JsonNode done = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> admin.get("/api/admin/processors/task-view/replay").body(),
                        progress -> Set.of("DONE", "FAILED").contains(progress.get("state").asText()));
        rebuilding.set(false);
        reader.join();
        writer.join();

        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(badAnswers).isEmpty();
        assertThat(totalsSeen).isNotEmpty().allSatisfy(total -> assertThat(total).isGreaterThanOrEqualTo(before));
        assertThat(totalsSeen).isSorted();
        await().atMost(Eventually.BOUND).until(() -> user.get("/api/tasks?count=true&limit=1").body().get("total").asLong(),
                total -> total == before + written.size());
        Set<String> titles = allTitles(user);
        assertThat(titles).containsAll(written).contains("before 0", "before " + (before - 1));
        assertThat(user.get("/api/tasks?q=before&count=true").body().get("total").asLong())
                .as("the search vector, generated again in the rebuilt table").isEqualTo(before);
    }

    /** Every title of the user's list, page by page: how many were written during the rebuild depends on its pace. */
    private static Set<String> allTitles(ApiClient user) {
        Set<String> titles = new HashSet<>();
        String cursor = null;
        do {
            JsonNode page = user.get("/api/tasks?limit=200" + (cursor == null ? "" : "&cursor=" + cursor)).body();
            titles.addAll(Eventually.titles(page.get("items")));
            cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return titles;
    }

    @Test
    void theCliReadsHistoryInspectsProcessorsRecoversDeadLettersAndRebuilds() throws Exception {
        ApiClient admin = ApiClient.user(port, ADMIN);
        ApiClient user = ApiClient.newUser(port).onDevice("laptop");
        String id = user.post("/api/tasks", "{\"title\":\"Walk the dog\"}").text("id");
        user.post("/api/tasks/" + id + "/complete");
        String server = "http://localhost:" + port;

        Run history = cli(user.token(), "history", id, "--server", server);
        assertThat(history.code).isZero();
        assertThat(history.out).contains("SEQ", "TaskCreated", "title: none → 'Walk the dog'", "laptop",
                "TaskCompleted", "status: OPEN → COMPLETED");
        Run json = cli(user.token(), "history", id, "--json", "--server", server);
        assertThat(new ObjectMapper().readTree(json.out)).hasSize(2);
        Run asOf = cli(user.token(), "history", id, "--as-of", "2020-01-01T00:00:00Z", "--server", server);
        assertThat(asOf.code).isEqualTo(1);
        assertThat(asOf.err.lines()).singleElement().asString().contains("HTTP 404");

        Run processors = cli(admin.token(), "processors", "--server", server);
        assertThat(processors.code).isZero();
        assertThat(processors.out).contains("PROCESSOR", "task-view", "tracking", "series-view", "recurrence");
        Run notAdmin = cli(user.token(), "processors", "--server", server);
        assertThat(notAdmin.code).isEqualTo(3);
        assertThat(notAdmin.err.lines()).singleElement().asString().contains("403");

        PoisonPill.FAILING.set(true);
        String poisoned = user.post("/api/tasks", "{\"title\":\"poison: evict me\"}").text("id");
        await().atMost(Eventually.BOUND).until(() -> lettersOf(admin, poisoned), l -> l.size() == 1);
        String letter = lettersOf(admin, poisoned).get(0).get("id").asText();
        Run list = cli(admin.token(), "dead-letters", "task-view", "--server", server);
        assertThat(list.out).contains(letter, poisoned, "TaskCreated", "poison pill");
        Run evicted = cli(admin.token(), "dead-letters", "task-view", "evict", letter, "--server", server);
        assertThat(evicted.code).isZero();
        assertThat(lettersOf(admin, poisoned)).isEmpty();
        assertThat(cli(admin.token(), "dead-letters", "task-view", "evict", "--server", server).code).isEqualTo(2);
        assertThat(cli(admin.token(), "dead-letters", "task-view", "evict", letter, "--server", server).code).isEqualTo(1);

        Run declined = answering("n\n", admin.token(), "replay", "task-view", "--server", server);
        assertThat(declined.code).isEqualTo(1);
        assertThat(declined.out).contains("[y/N]");
        Run replay = cli(admin.token(), "replay", "task-view", "--yes", "--poll", "100", "--server", server);
        assertThat(replay.code).as(replay.err).isZero();
        assertThat(replay.out).contains("DONE", "events/s", "Rebuilt task-view");
        assertThat(cli(admin.token(), "processors", "--server", "http://localhost:1").code).isEqualTo(4);
    }

    private static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.text("field")).as(response.toString()).isEqualTo(field);
        assertThat(response.text("detail")).isNotBlank();
    }

    private static List<JsonNode> lettersOf(ApiClient admin, String taskId) {
        List<JsonNode> letters = new ArrayList<>();
        admin.get("/api/admin/processors/task-view/dead-letters").body().forEach(letter -> {
            if (letter.get("sequence").asText().equals(taskId)) {
                letters.add(letter);
            }
        });
        return letters;
    }

    private static JsonNode processor(JsonNode processors, String name) {
        for (JsonNode processor : processors) {
            if (processor.get("name").asText().equals(name)) {
                return processor;
            }
        }
        throw new AssertionError("No processor " + name + " in " + processors);
    }

    private static Run cli(String token, String... args) {
        return answering("", token, args);
    }

    private static Run answering(String stdin, String token, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] withToken = new String[args.length + 2];
        System.arraycopy(args, 0, withToken, 0, args.length);
        withToken[args.length] = "--token";
        withToken[args.length + 1] = token;
        int code = Cli.run(withToken, new PrintWriter(out), new PrintWriter(err), new BufferedReader(new StringReader(stdin)));
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
    }
}
