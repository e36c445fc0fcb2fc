package dev.taskstream.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.taskstream.bench.HandWrittenCreate;
import dev.taskstream.server.TaskstreamApplication;
import dev.taskstream.server.support.ApiClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast the write path is against what the database itself can do. The whole server (every role:
 * projections, sagas and scheduler included) runs on its embedded PostgreSQL, or on {@code TASKSTREAM_DB_URL}.
 * For 1, 8 and 16 client threads it times, in one run: a plain JDBC loop that inserts one row per commit into a
 * table shaped like the event table (the baseline), {@code POST /api/tasks} over HTTP, and a mix of PATCH,
 * complete and reopen on existing tasks. Two more references: the database floor, every row a create leaves written
 * by JDBC in one commit ({@link Baseline#createRows}), and {@link HandWrittenCreate}, the same HTTP request answered
 * by one insert, without event sourcing. The five take turns in rounds, because the machine is shared;
 * creates then run once more at half the rate they reached, paced, as a server with room to spare. A probe measures
 * how long a created task takes to show in {@code GET /api/tasks/{id}} while each create load runs.
 * "req CPU" and "evt CPU" are CPU ms per operation on the request threads and on the threads that follow the event
 * stream (projections, sagas): they vary least with the machine's load. "db CPU" is PostgreSQL's, when it runs on
 * this machine ({@link PostgresCpu}).
 * Run with {@code ./mvnw -Pbench verify -pl server -am -Dtest=WriteBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * {@code -Dbench.seconds=N} sets each phase's length (default 15), {@code -Dbench.warmup=N} the warm-up (default 60),
 * {@code -Dbench.threads=1,8,16} the thread counts, {@code -Dbench.client=jdk} the client ({@link PlainHttp} by
 * default).
 */
class WriteBenchmark {

    private static final int SECONDS = Integer.getInteger("bench.seconds", 15);
    private static final int ROUNDS = 3;
    /**
     * CPU time is counted per thread, so it hardly grows when other processes crowd the machine: the request
     * threads (Tomcat's), and the threads that follow the event stream (processors, sagas, their store readers).
     */
    private static final ThreadMXBean THREADS_CPU = ManagementFactory.getThreadMXBean();
    /**
     * Long enough for the JIT to compile the server's request path: after 15 s, the rates at 8 threads were half of
     * what they were once 45 s more had passed.
     */
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 60);
    private static final int[] THREADS = Arrays.stream(System.getProperty("bench.threads", "1,8,16").split(","))
            .mapToInt(Integer::parseInt).toArray();
    private static final Pattern STREAM_THREAD =
            Pattern.compile("EventProcessor|EmbeddedEventStore|WorkPackage|Coordinator|db-scheduler");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    /** The size of a stored TaskCreated and its metadata, so the baseline writes as many bytes as the server. */
    private static final byte[] PAYLOAD = ("{\"taskId\":\"" + UUID.randomUUID() + "\",\"ownerId\":\"" + UUID.randomUUID()
            + "\",\"title\":\"Bench task\",\"description\":\"written by the write benchmark\",\"due\":null,"
            + "\"priority\":\"MEDIUM\",\"tags\":[],\"occurrence\":null}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] META_DATA = ("{\"traceId\":\"" + UUID.randomUUID() + "\",\"correlationId\":\""
            + UUID.randomUUID() + "\",\"userId\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path home;

    @Test
    void writePathAgainstPlainJdbc() throws Exception {
        try (ConfigurableApplicationContext server =
                new SpringApplicationBuilder(TaskstreamApplication.class, HandWrittenCreate.class)
                        .run("--server.port=0", "--taskstream.embedded-db.dir=" + home.resolve("pgdata"))) {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            HikariDataSource pool = server.getBean(HikariDataSource.class);
            JdbcClient jdbc = server.getBean(JdbcClient.class);
            jdbc.sql("DROP TABLE IF EXISTS bench_append").update();
            jdbc.sql("DROP SEQUENCE IF EXISTS bench_append_seq").update();
            jdbc.sql("CREATE SEQUENCE bench_append_seq").update();
            jdbc.sql("CREATE TABLE bench_append (LIKE domain_event_entry INCLUDING ALL)").update();
            jdbc.sql("DROP TABLE IF EXISTS bench_task_view, bench_change_log").update();
            jdbc.sql("CREATE TABLE bench_task_view (LIKE task_view INCLUDING ALL)").update();
            jdbc.sql("CREATE TABLE bench_change_log (LIKE change_log INCLUDING ALL)").update();
            // A database without fsync (TASKSTREAM_DB_UNSAFE_FAST_WRITES) has a far higher baseline than a durable one.
            System.out.printf("%n%s; fsync %s, synchronous_commit %s; %d cores, writes at once per core: %s to %s,"
                            + " aiming at a task-view lag of %s%n",
                    jdbc.sql("SELECT version()").query(String.class).single(),
                    jdbc.sql("SHOW fsync").query(String.class).single(),
                    jdbc.sql("SHOW synchronous_commit").query(String.class).single(),
                    Runtime.getRuntime().availableProcessors(),
                    server.getEnvironment().getProperty("taskstream.http.writes.least-per-core"),
                    server.getEnvironment().getProperty("taskstream.http.writes.most-per-core"),
                    server.getEnvironment().getProperty("taskstream.http.writes.task-view-lag"));
            Gauge writesAtOnce = server.getBean(MeterRegistry.class).get("taskstream.writes.at-once").gauge();
            try (Baseline baseline = new Baseline(pool, Arrays.stream(THREADS).max().orElse(1))) {
                measure(port, baseline, writesAtOnce);
            }
        }
    }

    /** Warms up, then measures each thread count; fails only if a request failed. */
    private static void measure(int port, Baseline baseline, Gauge writesAtOnce) throws Exception {
        int clients = Arrays.stream(THREADS).max().orElse(1);
        List<Client> users = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            users.add(new Client(port, ApiClient.newUser(port).token()));
        }
        Client probeUser = new Client(port, ApiClient.newUser(port).token());

        System.out.printf("%nwarming up for %d s...%n", WARM_UP_SECONDS);
        int warmUpThreads = Math.min(8, clients);
        run(warmUpThreads, 5, baseline::append);
        run(warmUpThreads, 5, baseline::createRows);
        run(warmUpThreads, 5, thread -> users.get(thread).handWrittenCreate());
        run(warmUpThreads, WARM_UP_SECONDS / 2, thread -> users.get(thread).create());
        run(warmUpThreads, WARM_UP_SECONDS / 2, thread -> users.get(thread).change());

        System.out.printf("%n%-8s %-28s %9s %8s %8s %8s %9s %9s %8s %7s%n", "threads", "what", "per s", "p50 ms",
                "p99 ms", "x JDBC", "req CPU", "evt CPU", "db CPU", "errors");
        List<String> summaries = new ArrayList<>();
        long errors = 0;
        for (int threads : THREADS) {
            // Rounds take turns, so that a build starting on the shared machine slows them all alike.
            Result jdbcRate = Result.NONE;
            Result floor = Result.NONE;
            Result creates = Result.NONE;
            Result changes = Result.NONE;
            Result handWritten = Result.NONE;
            Probe createProbe = new Probe(probeUser, writesAtOnce);
            Probe changeProbe = new Probe(probeUser, writesAtOnce);
            for (int round = 0; round < ROUNDS; round++) {
                jdbcRate = jdbcRate.plus(run(threads, SECONDS / ROUNDS, baseline::append));
                floor = floor.plus(run(threads, SECONDS / ROUNDS, baseline::createRows));
                handWritten = handWritten.plus(
                        run(threads, SECONDS / ROUNDS, thread -> users.get(thread).handWrittenCreate()));
                createProbe.start();
                creates = creates.plus(run(threads, SECONDS / ROUNDS, thread -> users.get(thread).create()));
                createProbe.stop();
                changeProbe.start();
                changes = changes.plus(run(threads, SECONDS / ROUNDS, thread -> users.get(thread).change()));
                changeProbe.stop();
            }
            // At half the rate it just reached, the machine has room: how fast a write shows when it is not saturated.
            Probe halfLoadProbe = new Probe(probeUser, writesAtOnce);
            halfLoadProbe.start();
            Result halfLoad = run(threads, SECONDS, thread -> users.get(thread).create(), creates.rate() / 2);
            halfLoadProbe.stop();
            print(threads, "plain JDBC, 1 row per commit", jdbcRate, jdbcRate);
            print(threads, "a create's rows, 1 commit", floor, jdbcRate);
            print(threads, "hand-written create, no ES", handWritten, jdbcRate);
            print(threads, "POST /api/tasks", creates, jdbcRate);
            print(threads, "PATCH/complete/reopen mix", changes, jdbcRate);
            print(threads, "POST /api/tasks, half load", halfLoad, jdbcRate);
            summaries.add(String.format("%-8d write->visible during creates %s; during the mix %s", threads,
                    createProbe.summary(), changeProbe.summary()));
            summaries.add(String.format("%-8d write->visible at half load %s", threads, halfLoadProbe.summary()));
            summaries.add(String.format("%-8d POST /api/tasks at %.2f x the hand-written create, the mix at %.2f x;"
                            + " creates at %.2f x the database floor",
                    threads, creates.rate() / handWritten.rate(), changes.rate() / handWritten.rate(),
                    creates.rate() / floor.rate()));
            errors += jdbcRate.errors + floor.errors + handWritten.errors + creates.errors + changes.errors
                    + halfLoad.errors + createProbe.errors.get() + changeProbe.errors.get() + halfLoadProbe.errors.get();
        }
        System.out.println();
        summaries.forEach(System.out::println);
        System.out.println();
        assertThat(errors).as("failed requests").isZero();
    }

    /** One user's device: creates tasks, then cycles PATCH, complete and reopen over the tasks it created. */
    private static final class Client {

        /** {@code -Dbench.client=jdk} drives the server with the JDK's HttpClient instead (see {@link PlainHttp}). */
        private static final boolean JDK_CLIENT = "jdk".equals(System.getProperty("bench.client"));
        private static final HttpClient JDK = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        private final int port;
        private final String token;
        private final PlainHttp http;
        private final List<String> tasks = new ArrayList<>();
        private long step;

        Client(int port, String token) {
            this.port = port;
            this.token = token;
            this.http = new PlainHttp(port);
        }

        void create() throws Exception {
            String body = send("POST", "/api/tasks", "{\"title\":\"Bench task " + step++
                    + "\",\"description\":\"written by the write benchmark\",\"priority\":\"MEDIUM\"}", 201);
            Matcher id = ID.matcher(body);
            if (!id.find()) {
                throw new IllegalStateException("No id in " + body);
            }
            tasks.add(id.group(1));
        }

        void handWrittenCreate() throws Exception {
            send("POST", HandWrittenCreate.PATH, "{\"title\":\"Bench task " + step++
                    + "\",\"description\":\"written by the write benchmark\",\"priority\":\"MEDIUM\"}", 201);
        }

        void change() throws Exception {
            long n = step++;
            String task = tasks.get((int) (n / 3 % tasks.size()));
            switch ((int) (n % 3)) {
                case 0 -> send("PATCH", "/api/tasks/" + task, "{\"title\":\"Renamed " + n + "\"}", 200);
                case 1 -> send("POST", "/api/tasks/" + task + "/complete", null, 200);
                default -> send("POST", "/api/tasks/" + task + "/reopen", null, 200);
            }
        }

        int get(String path) throws Exception {
            return exchange("GET", path, null).status();
        }

        String send(String method, String path, String json, int expected) throws Exception {
            PlainHttp.Response response = exchange(method, path, json);
            if (response.status() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.status()
                        + ": " + response.body());
            }
            return response.body();
        }

        private PlainHttp.Response exchange(String method, String path, String json) throws Exception {
            if (!JDK_CLIENT) {
                return http.send(method, path, token, json);
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json)).build();
            var response = JDK.send(request, BodyHandlers.ofString());
            return new PlainHttp.Response(response.statusCode(), response.body());
        }
    }

    /**
     * The database alone, on connections of its own. {@link #append} writes the row an event append writes, one per
     * transaction: the baseline. {@link #createRows} writes every row a create leaves, in one transaction: its event,
     * its task-view row and its change-log message, into copies of the real tables with all their indexes. An
     * event-sourced server cannot store a create with less: its projection only adds transactions (and reads). So that
     * rate is the most {@code POST /api/tasks} could reach here if the server itself cost nothing.
     */
    private static final class Baseline implements AutoCloseable {

        private static final String INSERT_VIEW_ROW = """
                INSERT INTO bench_task_view (task_id, owner_id, title, description, status, priority, tag_ids,
                                             created_at, updated_at, version)
                VALUES (?, ?, 'Bench task', 'written by the write benchmark', 'OPEN', 1, '{}', now(), now(), 0)""";
        private static final String INSERT_CHANGE_ROW =
                "INSERT INTO bench_change_log (owner_id, position, message) VALUES (?, ?, ?)";
        /** A {@code task.upserted} message as devices get it for a new task. */
        private static final String CHANGE = "{\"type\":\"task.upserted\",\"task\":{\"id\":\"" + UUID.randomUUID()
                + "\",\"title\":\"Bench task\",\"description\":\"written by the write benchmark\","
                + "\"status\":\"OPEN\","
                + "\"due\":null,\"dueAt\":null,\"priority\":\"MEDIUM\",\"tags\":[],\"createdAt\":\"2026-11-27T10:00:00Z\","
                + "\"updatedAt\":\"2026-11-27T10:00:00Z\",\"completedAt\":null,\"seriesId\":null,"
                + "\"occurrenceIndex\":null,\"version\":0,\"reminders\":[]}}";

        private final HikariDataSource pool;
        /** By client thread number: each phase starts new threads, which must not open new connections. */
        private final PreparedStatement[] appends;
        private final CreateRows[] creates;
        private final ConcurrentLinkedQueue<Connection> opened = new ConcurrentLinkedQueue<>();

        /** One thread's statements for {@link #createRows}, and the owner and last change position it writes. */
        private record CreateRows(Connection connection, PreparedStatement event, PreparedStatement view,
                                  PreparedStatement change, UUID owner, AtomicLong position) {
        }

        Baseline(HikariDataSource pool, int threads) {
            this.pool = pool;
            this.appends = new PreparedStatement[threads];
            this.creates = new CreateRows[threads];
        }

        void append(int thread) throws Exception {
            if (appends[thread] == null) {
                appends[thread] = connect().prepareStatement(HandWrittenCreate.INSERT_EVENT_ROW);
            }
            insertEvent(appends[thread]);
        }

        void createRows(int thread) throws Exception {
            if (creates[thread] == null) {
                Connection connection = connect();
                connection.setAutoCommit(false);
                creates[thread] = new CreateRows(connection,
                        connection.prepareStatement(HandWrittenCreate.INSERT_EVENT_ROW),
                        connection.prepareStatement(INSERT_VIEW_ROW), connection.prepareStatement(INSERT_CHANGE_ROW),
                        UUID.randomUUID(), new AtomicLong());
            }
            CreateRows rows = creates[thread];
            insertEvent(rows.event());
            rows.view().setObject(1, UUID.randomUUID());
            rows.view().setObject(2, rows.owner());
            rows.view().executeUpdate();
            rows.change().setObject(1, rows.owner());
            rows.change().setLong(2, rows.position().incrementAndGet());
            rows.change().setString(3, CHANGE);
            rows.change().executeUpdate();
            rows.connection().commit();
        }

        private static void insertEvent(PreparedStatement insert) throws Exception {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, java.time.Instant.now().toString());
            insert.setString(4, "dev.taskstream.api.tasks.TaskCreated");
            insert.setBytes(5, PAYLOAD);
            insert.setBytes(6, META_DATA);
            insert.executeUpdate();
        }

        /** A connection with the pool's own settings: the embedded database is reached through a socket file. */
        private Connection connect() throws Exception {
            Properties settings = new Properties();
            settings.putAll(pool.getDataSourceProperties());
            if (pool.getUsername() != null) {
                settings.setProperty("user", pool.getUsername());
            }
            if (pool.getPassword() != null) {
                settings.setProperty("password", pool.getPassword());
            }
            Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), settings);
            opened.add(connection);
            return connection;
        }

        @Override
        public void close() throws Exception {
            for (Connection connection : opened) {
                connection.close();
            }
        }
    }

    /**
     * Every 100 ms while the load runs: create a task, then read it back until it answers, at most every
     * millisecond; the time from the create's answer to the first 200 is how long the projection lags.
     */
    private static final class Probe {

        private final Client user;
        private final AtomicBoolean running = new AtomicBoolean();
        private final AtomicLong errors = new AtomicLong();
        private final List<Long> lags = new ArrayList<>();
        private final Gauge writesAtOnce;
        private final List<Double> atOnce = new ArrayList<>();
        private Thread thread;

        Probe(Client user, Gauge writesAtOnce) {
            this.user = user;
            this.writesAtOnce = writesAtOnce;
        }

        void start() {
            running.set(true);
            thread = new Thread(this::probe, "visibility-probe");
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        private void probe() {
            while (running.get()) {
                try {
                    user.create();
                    long written = System.nanoTime();
                    String path = "/api/tasks/" + user.tasks.get(user.tasks.size() - 1);
                    while (user.get(path) != 200) {
                        if (System.nanoTime() - written > 5_000_000_000L) {
                            throw new IllegalStateException("not visible after 5 s: " + path);
                        }
                        Thread.sleep(1);
                    }
                    lags.add(System.nanoTime() - written);
                    atOnce.add(writesAtOnce.value());
                    Thread.sleep(100);
                } catch (Exception e) {
                    errors.incrementAndGet();
                    System.out.println("probe: " + e);
                }
            }
        }

        String summary() {
            long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
            return sorted.length == 0 ? "no samples" : String.format(
                    "p50 %.1f ms, p99 %.1f ms (%d samples, %.1f writes at once on average)", at(sorted, 0.50) / 1e6,
                    at(sorted, 0.99) / 1e6, sorted.length, atOnce.stream().collect(Collectors.averagingDouble(Double::doubleValue)));
        }
    }

    private interface Step {
        void run(int thread) throws Exception;
    }

    /** What one or more slices did: operations, wall time, latencies, errors and this process's CPU time. */
    private record Result(long count, double seconds, long[] sortedNanos, long errors, long requestCpuNanos,
                          long streamCpuNanos, long databaseCpuNanos) {

        static final Result NONE = new Result(0, 0, new long[0], 0, 0, 0, 0);

        double rate() {
            return count / seconds;
        }

        Result plus(Result other) {
            long[] all = Arrays.copyOf(sortedNanos, sortedNanos.length + other.sortedNanos.length);
            System.arraycopy(other.sortedNanos, 0, all, sortedNanos.length, other.sortedNanos.length);
            Arrays.sort(all);
            return new Result(count + other.count, seconds + other.seconds, all, errors + other.errors,
                    requestCpuNanos + other.requestCpuNanos, streamCpuNanos + other.streamCpuNanos,
                    databaseCpuNanos + other.databaseCpuNanos);
        }
    }

    /** Runs {@code step} on {@code threads} threads for {@code seconds} and returns the rate and latencies. */
    private static Result run(int threads, int seconds, Step step) throws InterruptedException {
        return run(threads, seconds, step, 0);
    }

    /**
     * Runs {@code step} on {@code threads} threads for {@code seconds}; with {@code perSecond} above zero the threads
     * start steps on a fixed schedule adding up to that rate, else each starts its next step at once. A paced step
     * is timed from its scheduled start, so that a server falling behind shows in the latencies.
     */
    private static Result run(int threads, int seconds, Step step, double perSecond) throws InterruptedException {
        long interval = perSecond > 0 ? (long) (threads * 1e9 / perSecond) : 0;
        CountDownLatch start = new CountDownLatch(1);
        long[][] samples = new long[threads][];
        int[] counts = new int[threads];
        AtomicLong errors = new AtomicLong();
        long[] window = new long[2];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                long[] mine = new long[4096];
                int n = 0;
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long deadline = window[0] + seconds * 1_000_000_000L;
                long slot = window[0] + interval * thread / threads;
                while (System.nanoTime() < deadline) {
                    long began = System.nanoTime();
                    if (interval > 0) {
                        LockSupport.parkNanos(slot - began);
                        began = slot;
                        slot += interval;
                    }
                    try {
                        step.run(thread);
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 3) {
                            System.out.println("error: " + e);
                        }
                        continue;
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - began;
                }
                samples[thread] = mine;
                counts[thread] = n;
            }, "bench-" + t);
            worker.start();
            workers.add(worker);
        }
        long[] cpuBefore = cpuByRole();
        PostgresCpu databaseBefore = PostgresCpu.now();
        window[0] = System.nanoTime();
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        window[1] = System.nanoTime();
        long[] cpuAfter = cpuByRole();
        long databaseCpu = PostgresCpu.now().nanosSince(databaseBefore);
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(samples[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Result(all.length, (window[1] - window[0]) / 1e9, all, errors.get(),
                cpuAfter[0] - cpuBefore[0], cpuAfter[1] - cpuBefore[1], databaseCpu);
    }

    /** CPU nanoseconds so far of the request threads, and of the event-stream threads (live threads only). */
    private static long[] cpuByRole() {
        long[] cpu = new long[2];
        for (ThreadInfo thread : THREADS_CPU.getThreadInfo(THREADS_CPU.getAllThreadIds())) {
            if (thread == null) {
                continue;
            }
            String name = thread.getThreadName();
            int role = name.startsWith("http-nio") ? 0 : STREAM_THREAD.matcher(name).lookingAt() ? 1 : -1;
            long nanos = THREADS_CPU.getThreadCpuTime(thread.getThreadId());
            if (role >= 0 && nanos > 0) {
                cpu[role] += nanos;
            }
        }
        return cpu;
    }

    private static void print(int threads, String what, Result result, Result baseline) {
        long count = Math.max(1, result.count);
        System.out.printf("%-8d %-28s %9.0f %8.2f %8.2f %8.3f %9.2f %9.2f %8.2f %7d%n", threads, what, result.rate(),
                at(result.sortedNanos, 0.50) / 1e6, at(result.sortedNanos, 0.99) / 1e6, result.rate() / baseline.rate(),
                result.requestCpuNanos / 1e6 / count, result.streamCpuNanos / 1e6 / count,
                result.databaseCpuNanos / 1e6 / count, result.errors);
    }

    private static long at(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
