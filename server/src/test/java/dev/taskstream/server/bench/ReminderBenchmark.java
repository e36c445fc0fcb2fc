package dev.taskstream.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskstream.server.TaskstreamApplication;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.Reminders;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reminders at volume. (1) 1,000 reminders due within the same minute across 100 users: lateness from the
 * scheduled instant to the stored notification, p50/p99/max, next to an in-memory timer scheduled for the same
 * instants in the same JVM (the machine's own noise: the baseline), and the count of notifications. (2) 100,000
 * pending reminders: the time to create and schedule them, and the heap after, next to the heap before.
 * Run with {@code ./mvnw -Pbench verify -pl server -am -Dtest=ReminderBenchmark}.
 */
class ReminderBenchmark {

    private static final int USERS = 100;
    private static final int DUE_IN_ONE_MINUTE = 1_000;
    private static final int PENDING = Integer.getInteger("bench.pending", 100_000);
    private static final int CLIENTS = 4;

    @TempDir
    Path home;

    @Test
    void remindersAtVolume() throws Exception {
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(TaskstreamApplication.class)
                .run("--server.port=0", "--taskstream.embedded-db.dir=" + home.resolve("pgdata"))) {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            JdbcClient jdbc = server.getBean(JdbcClient.class);
            List<ApiClient> users = IntStream.range(0, USERS).parallel().mapToObj(i -> ApiClient.newUser(port)).toList();
            oneMinute(jdbc, users);
            pending(jdbc, users);
        }
    }

    private void oneMinute(JdbcClient jdbc, List<ApiClient> users) throws Exception {
        Instant minute = Instant.now().plus(Duration.ofSeconds(90)).truncatedTo(ChronoUnit.MINUTES);
        Random random = new Random(42);
        List<Instant> instants = IntStream.range(0, DUE_IN_ONE_MINUTE)
                .mapToObj(i -> minute.plusMillis(random.nextInt(60_000))).toList();
        long[] baseline = new long[DUE_IN_ONE_MINUTE];
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        for (int i = 0; i < instants.size(); i++) {
            int index = i;
            Instant at = instants.get(i);
            timer.schedule(() -> baseline[index] = Duration.between(at, Instant.now()).toMillis(),
                    Duration.between(Instant.now(), at).toMillis(), TimeUnit.MILLISECONDS);
        }
        long started = System.nanoTime();
        run(DUE_IN_ONE_MINUTE, i -> users.get(i % USERS).post("/api/tasks",
                "{\"title\":\"minute " + i + "\",\"reminders\":[" + Reminders.at(instants.get(i)) + "]}").status());
        await().atMost(Duration.ofMinutes(2)).until(() -> pendingDeadlines(jdbc) == DUE_IN_ONE_MINUTE);
        System.out.printf("%n1,000 reminders in the minute from %s: created and scheduled in %.1f s, %d s before it%n",
                minute, (System.nanoTime() - started) / 1e9, Duration.between(Instant.now(), minute).toSeconds());

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> notifications(jdbc) >= DUE_IN_ONE_MINUTE
                        && Instant.now().isAfter(minute.plusSeconds(65)));
        timer.shutdown();
        long[] lateness = jdbc.sql("SELECT (extract(epoch FROM delivered_at - scheduled_at) * 1000)::bigint"
                + " FROM notification").query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
        long fired = jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type = ?")
                .param("dev.taskstream.api.tasks.ReminderFired").query(Long.class).single();
        System.out.printf("notifications stored: %d, ReminderFired events: %d (of %d)%n", lateness.length, fired,
                DUE_IN_ONE_MINUTE);
        System.out.printf("%-40s %8s %8s %8s%n", "lateness, ms", "p50", "p99", "max");
        print("scheduled instant -> stored notification", lateness);
        print("baseline: in-memory timer, same instants", baseline);
        assertThat(lateness).hasSize(DUE_IN_ONE_MINUTE);
        assertThat(fired).isEqualTo(DUE_IN_ONE_MINUTE);
    }

    private void pending(JdbcClient jdbc, List<ApiClient> users) throws Exception {
        long heapBefore = usedHeapAfterGc();
        long pendingBefore = pendingDeadlines(jdbc);
        Instant far = Instant.now().plus(Duration.ofDays(30));
        int tasks = PENDING / 10;
        long started = System.nanoTime();
        run(tasks, i -> {
            List<String> reminders = IntStream.range(0, 10).mapToObj(r -> Reminders.at(far.plusSeconds(i * 10L + r)))
                    .toList();
            return users.get(i % USERS).post("/api/tasks", "{\"title\":\"later " + i + "\",\"reminders\":["
                    + String.join(",", reminders) + "]}").status();
        });
        double created = (System.nanoTime() - started) / 1e9;
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> pendingDeadlines(jdbc) - pendingBefore == PENDING);
        double scheduled = (System.nanoTime() - started) / 1e9;
        long heapAfter = usedHeapAfterGc();
        System.out.printf("%n%,d pending reminders (%,d tasks x 10, %d clients over HTTP): tasks created in %.1f s,"
                + " all deadlines scheduled after %.1f s (%.0f reminders/s)%n", PENDING, tasks, CLIENTS, created,
                scheduled, PENDING / scheduled);
        System.out.printf("heap used after GC: %d MB before, %d MB after (+%d MB); the server shares this JVM%n%n",
                heapBefore >> 20, heapAfter >> 20, (heapAfter - heapBefore) >> 20);
    }

    private interface Request {
        int send(int index);
    }

    /** Sends {@code count} requests from {@link #CLIENTS} threads; each must answer 201. */
    private static void run(int count, Request request) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> answers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                answers.add(clients.submit(() -> request.send(index)));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(201);
            }
        } finally {
            clients.shutdown();
        }
    }

    private static void print(String label, long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        System.out.printf("%-40s %8d %8d %8d%n", label, percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted[sorted.length - 1]);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static long usedHeapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long notifications(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM notification").query(Long.class).single();
    }

    private static long pendingDeadlines(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM scheduled_tasks").query(Long.class).single();
    }
}
