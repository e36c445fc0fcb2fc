package dev.taskstream.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.server.TaskstreamApplication;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ApiClient.Response;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One page of a task's history over HTTP, for a task with 1,000 events: the first page, and the last one (which
 * folds all 1,000 events before it answers), next to a plain GET of the task in the same run.
 * Run with {@code ./mvnw -Pbench verify -pl server -am -Dtest=HistoryBenchmark}.
 */
class HistoryBenchmark {

    private static final int EVENTS = 1_000;
    private static final int WARM_UP = 50;
    private static final int SAMPLES = Integer.getInteger("bench.samples", 200);

    @TempDir
    Path home;

    @Test
    void aPageOfTheHistoryOfATaskWithAThousandEvents() {
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(TaskstreamApplication.class)
                .run("--server.port=0", "--taskstream.embedded-db.dir=" + home.resolve("pgdata"))) {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            ApiClient user = ApiClient.newUser(port).onDevice("bench");
            String id = user.post("/api/tasks", "{\"title\":\"edit 0\"}").text("id");
            for (int i = 1; i < EVENTS; i++) {
                assertThat(user.patch("/api/tasks/" + id, "{\"title\":\"edit " + i + "\"}").status()).isEqualTo(200);
            }
            String path = "/api/tasks/" + id;
            System.out.printf("%n%-40s %24s%n", "request (task with 1,000 events)", "p50 / p95 / p99 ms");
            print("GET the task", time(user, path, 0));
            print("history, first page of 50", time(user, path + "/history?limit=50", 50));
            print("history, last page of 50 (cursor=950)", time(user, path + "/history?limit=50&cursor=950", 50));
            print("as of now (folds all 1,000)", time(user, path + "?asOf=" + Instant.now(), 0));
        }
    }

    private static double[] time(ApiClient user, String path, int items) {
        for (int i = 0; i < WARM_UP; i++) {
            user.get(path);
        }
        double[] millis = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            Response response = user.get(path);
            millis[i] = (System.nanoTime() - start) / 1e6;
            assertThat(response.status()).isEqualTo(200);
            if (items > 0) {
                assertThat(response.body().get("items")).hasSize(items);
            }
        }
        Arrays.sort(millis);
        return new double[] {millis[SAMPLES / 2], millis[(int) (SAMPLES * 0.95)], millis[(int) (SAMPLES * 0.99)]};
    }

    private static void print(String name, double[] p) {
        System.out.printf("%-40s %6.1f / %6.1f / %6.1f%n", name, p[0], p[1], p[2]);
    }
}
