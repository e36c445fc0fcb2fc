package dev.taskstream.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ApiClient.Response;
import dev.taskstream.server.support.StreamClient;
import java.time.Duration;
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
            try (Mode split = new Mode("split", cluster.command().port(), cluster.query().port());
                 Mode single = new Mode("monolith", monolith.port(), monolith.port())) {
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
                System.out.printf("%-9s %14s %14s %14s %14s %12s %18s%n", "mode", "visible p50", "visible p99",
                        "streamed p50", "streamed p99", "creates/s", "all visible after");
                for (Mode mode : List.of(single, split)) {
                    System.out.printf("%-9s %11.1f ms %11.1f ms %11.1f ms %11.1f ms %12.0f %15.0f ms%n", mode.name,
                            percentile(mode.visible, 50), percentile(mode.visible, 99),
                            percentile(mode.streamed, 50), percentile(mode.streamed, 99),
                            mode.createsPerSecond(), mode.drainMillis());
                }
                System.out.printf("split/monolith: visible p50 x%.2f, p99 x%.2f; streamed p50 x%.2f, p99 x%.2f;"
                                + " throughput x%.2f%n%n",
                        percentile(split.visible, 50) / percentile(single.visible, 50),
                        percentile(split.visible, 99) / percentile(single.visible, 99),
                        percentile(split.streamed, 50) / percentile(single.streamed, 50),
                        percentile(split.streamed, 99) / percentile(single.streamed, 99),
                        split.createsPerSecond() / single.createsPerSecond());
            } finally {
                monolith.stop();
            }
        }
    }

    private static double percentile(List<Double> latencies, int p) {
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Writes to one port, reads (and follows the stream) on the other, and keeps what it measured. */
    private static final class Mode implements AutoCloseable {

        private final String name;
        private final ApiClient writer;
        private final ApiClient reader;
        private final StreamClient stream;
        private final List<Double> visible = new ArrayList<>();
        private final List<Double> streamed = new ArrayList<>();
        private long creates;
        private long createNanos;
        private long drainNanos;
        private int drains;

        Mode(String name, int writePort, int readPort) {
            this.name = name;
            this.writer = ApiClient.newUser(writePort);
            this.reader = ApiClient.anonymous(readPort).withToken(writer.token());
            this.stream = StreamClient.open(readPort, reader, null);
        }

        /**
         * From the write's request to the change on the query role, one task at a time: every other sample waits for
         * it in {@code GET /api/tasks/{id}}, the others for its message on the stream.
         */
        void latency(int samples) throws InterruptedException {
            for (int i = 0; i < samples; i++) {
                long start = System.nanoTime();
                String id = create("Latency " + i);
                if (i % 2 == 0) {
                    while (reader.get("/api/tasks/" + id).status() != 200) {
                        Thread.sleep(1);
                    }
                    visible.add((System.nanoTime() - start) / 1e6);
                } else {
                    stream.nextWhere(message -> message.at("/task/id").asText().equals(id), Duration.ofSeconds(30));
                    streamed.add((System.nanoTime() - start) / 1e6);
                }
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
            visible.clear();
            streamed.clear();
        }

        private String create(String title) {
            Response response = writer.post("/api/tasks", "{\"title\":\"" + title + "\"}");
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            return response.text("id");
        }

        double createsPerSecond() {
            return creates / (createNanos / 1e9);
        }

        double drainMillis() {
            return drainNanos / 1e6 / drains;
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
