package dev.taskstream.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ApiClient.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Split mode against the monolith, in the same run on the same PostgreSQL server (each on its own database), in
 * alternating rounds so that the machine's noise falls on both alike. Prints figures; asserts nothing about them.
 *
 * <pre>./mvnw -Pcluster verify -pl server -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=SplitModeBenchmarkIT</pre>
 */
class SplitModeBenchmarkIT {

    private static final int ROUNDS = 3;
    private static final int LATENCY_SAMPLES = 100;
    private static final int THROUGHPUT_CREATES = 400;
    private static final int CLIENTS = 8;

    @Test
    void writeToVisibleLatencyAndCreateThroughput_splitAgainstMonolith() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "split-bench"));
        Path jar = Path.of(System.getProperty("cluster.jar"));
        try (Cluster cluster = new Cluster(jar, Path.of(System.getProperty("cluster.kafka-lib")), directory).start()) {
            JdbcClient.create(cluster.database()).sql("CREATE DATABASE monolith").update();
            Map<String, String> monolithDatabase = Map.of(
                    "TASKSTREAM_DB_URL", "jdbc:postgresql://" + cluster.databaseAddress() + "/monolith",
                    "TASKSTREAM_DB_USER", "postgres");
            RoleProcess monolith = new RoleProcess("command,query,sagas", FreePorts.next(), jar, monolithDatabase,
                    directory.resolve("logs")).start().awaitReady();
            try {
                Mode split = new Mode("split", cluster.command().port(), cluster.query().port());
                Mode single = new Mode("monolith", monolith.port(), monolith.port());
                split.latency(LATENCY_SAMPLES / 2);
                single.latency(LATENCY_SAMPLES / 2);
                split.clear();
                single.clear();
                for (int round = 0; round < ROUNDS; round++) {
                    single.latency(LATENCY_SAMPLES);
                    split.latency(LATENCY_SAMPLES);
                    single.throughput();
                    split.throughput();
                }
                System.out.println();
                System.out.printf("SPLIT-MODE BENCHMARK (%d rounds; %d latency samples and %d creates by %d clients per round)%n",
                        ROUNDS, LATENCY_SAMPLES, THROUGHPUT_CREATES, CLIENTS);
                System.out.printf("%-9s %14s %14s %16s %18s%n", "mode", "visible p50", "visible p99", "creates/s",
                        "all visible after");
                for (Mode mode : List.of(single, split)) {
                    System.out.printf("%-9s %11.1f ms %11.1f ms %16.0f %15.0f ms%n", mode.name,
                            mode.percentile(50), mode.percentile(99), mode.createsPerSecond(), mode.drainMillis());
                }
                System.out.printf("split/monolith: p50 x%.2f, p99 x%.2f, throughput x%.2f%n%n",
                        split.percentile(50) / single.percentile(50), split.percentile(99) / single.percentile(99),
                        split.createsPerSecond() / single.createsPerSecond());
            } finally {
                monolith.stop();
            }
        }
    }

    /** Writes to one port, reads from the other, and keeps what it measured. */
    private static final class Mode {

        private final String name;
        private final ApiClient writer;
        private final ApiClient reader;
        private final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        private long creates;
        private long createNanos;
        private long drainNanos;
        private int drains;

        Mode(String name, int writePort, int readPort) {
            this.name = name;
            this.writer = ApiClient.newUser(writePort);
            this.reader = ApiClient.anonymous(readPort).withToken(writer.token());
        }

        /** Write response to the change visible on the query role, one task at a time. */
        void latency(int samples) throws InterruptedException {
            for (int i = 0; i < samples; i++) {
                long start = System.nanoTime();
                String id = create("Latency " + i);
                while (reader.get("/api/tasks/" + id).status() != 200) {
                    Thread.sleep(1);
                }
                latencies.add((System.nanoTime() - start) / 1e6);
            }
        }

        /** Creates from several clients at once; then how long until the last one shows on the query role. */
        void throughput() throws Exception {
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<String>> created = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < THROUGHPUT_CREATES; i++) {
                String title = "Throughput " + i;
                created.add(clients.submit(() -> create(title)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> id : created) {
                ids.add(id.get());
            }
            long written = System.nanoTime();
            clients.shutdown();
            Collections.reverse(ids);
            for (String id : ids) {
                while (reader.get("/api/tasks/" + id).status() != 200) {
                    Thread.sleep(1);
                }
            }
            creates += THROUGHPUT_CREATES;
            createNanos += written - start;
            drainNanos += System.nanoTime() - written;
            drains++;
        }

        void clear() {
            latencies.clear();
        }

        private String create(String title) {
            Response response = writer.post("/api/tasks", "{\"title\":\"" + title + "\"}");
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            return response.text("id");
        }

        double percentile(int p) {
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }

        double createsPerSecond() {
            return creates / (createNanos / 1e9);
        }

        double drainMillis() {
            return drainNanos / 1e6 / drains;
        }
    }
}
