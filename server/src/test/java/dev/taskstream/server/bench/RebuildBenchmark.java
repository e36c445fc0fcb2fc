package dev.taskstream.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.api.admin.ReplayProgress;
import dev.taskstream.query.rebuild.Rebuilds;
import dev.taskstream.server.TaskstreamApplication;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast task-view is rebuilt from a million events (100,000 tasks of 1,000 users, ten events each, the tasks'
 * edits interleaved in time as users would make them), against a raw sequential read of the event table in the
 * same run. Run with {@code ./mvnw -Pbench verify -pl server -am -Dtest=RebuildBenchmark}; {@code -Dbench.events=N}
 * (a multiple of 10) sizes the store, {@code -Dbench.home=DIR} keeps it for the next run.
 */
class RebuildBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
    private static final int EVENTS_PER_TASK = 10;

    @TempDir
    Path home;

    @Test
    void rebuildTaskViewFromAMillionEvents() throws Exception {
        Path data = Path.of(System.getProperty("bench.home", home.toString())).resolve("pgdata");
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(TaskstreamApplication.class)
                .run("--server.port=0", "--taskstream.embedded-db.dir=" + data, "--taskstream.roles=command,query")) {
            // Measured alone: the live processors would otherwise fold the loaded events at the same time.
            server.getBean(EventProcessingConfiguration.class).eventProcessors().values().forEach(EventProcessor::shutDown);
            JdbcClient jdbc = server.getBean(JdbcClient.class);
            long stored = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
            if (stored < EVENTS) {
                load(jdbc);
            }
            long events = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();

            double rawSeconds = rawRead(server.getBean(DataSource.class));
            System.out.printf("raw sequential read: %,d events in %.1f s = %,.0f events/s%n",
                    events, rawSeconds, events / rawSeconds);

            Rebuilds rebuilds = server.getBean(Rebuilds.class);
            CpuTime cpu = new CpuTime(data);
            long started = System.nanoTime();
            rebuilds.start("task-view");
            ReplayProgress progress;
            do {
                Thread.sleep(1000);
                progress = rebuilds.progress("task-view").orElseThrow();
                System.out.printf("  %-8s %,d/%,d events%n", progress.state(), progress.position(), progress.head());
            } while (progress.finishedAt() == null);
            double seconds = (System.nanoTime() - started) / 1e9;
            CpuTime.Used used = cpu.used();

            assertThat(progress.state()).isEqualTo("DONE");
            assertThat(jdbc.sql("SELECT count(*) FROM task_view").query(Long.class).single())
                    .isEqualTo(events / EVENTS_PER_TASK);
            System.out.printf("rebuild of task-view: %,d events in %.1f s = %,.0f events/s (%s); raw read / rebuild = %.1f%n",
                    progress.eventsDone(), seconds, progress.eventsDone() / seconds,
                    Duration.ofMillis((long) (seconds * 1000)), seconds / rawSeconds);
            // Wall-clock time here is mostly other builds' on a shared machine; CPU time per event is not.
            System.out.printf("CPU during the rebuild: JVM %.1f s, PostgreSQL %.1f s = %,.0f events per CPU-second"
                            + " (JVM alone %,.0f, PostgreSQL alone %,.0f)%n",
                    used.jvm(), used.postgres(), progress.eventsDone() / (used.jvm() + used.postgres()),
                    progress.eventsDone() / used.jvm(), progress.eventsDone() / used.postgres());
        }
    }

    /** Every column of every event, in order, as a storage engine reads them; deserialization is not included. */
    private static double rawRead(DataSource dataSource) throws Exception {
        long started = System.nanoTime();
        long bytes = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement read = connection.prepareStatement("""
                    SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                           payload_type, payload_revision, payload, meta_data
                    FROM domain_event_entry ORDER BY global_index""")) {
                read.setFetchSize(10_000);
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        bytes += rows.getBytes("payload").length + rows.getBytes("meta_data").length
                                + rows.getString("aggregate_identifier").length() + rows.getString("time_stamp").length();
                    }
                }
            }
            connection.commit();
        }
        assertThat(bytes).isPositive();
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * Ten events per task: created, then renamed, described, prioritized, due set, renamed, completed, reopened,
     * renamed, completed. Each task's events are spread over time with random gaps, so the store interleaves many
     * tasks, as real use does. Written as the Axon Jackson serializer writes them.
     */
    private static void load(JdbcClient jdbc) {
        long started = System.nanoTime();
        int tasks = EVENTS / EVENTS_PER_TASK;
        jdbc.sql("TRUNCATE domain_event_entry").update();
        jdbc.sql("""
                INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,
                                                type, time_stamp, payload_type, payload_revision, payload, meta_data)
                WITH task AS (
                    SELECT n, md5('task' || n)::uuid AS id, md5('owner' || (n % 1000))::uuid AS owner
                    FROM generate_series(1, ?) n
                ), event AS (
                    SELECT t.n, t.id, t.owner, s.seq,
                           t.n * 10.0 + sum(random() * 200000) OVER (PARTITION BY t.n ORDER BY s.seq) AS at
                    FROM task t CROSS JOIN generate_series(0, 9) s(seq)
                )
                SELECT row_number() OVER (ORDER BY at), gen_random_uuid()::text, id::text, seq, 'Task',
                       to_char(timestamp '2026-01-01' + at * interval '1 millisecond', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                       'dev.taskstream.api.tasks.' || (ARRAY['TaskCreated', 'TaskRenamed', 'TaskDescribed',
                           'TaskPrioritized', 'TaskDueDateSet', 'TaskRenamed', 'TaskCompleted', 'TaskReopened',
                           'TaskRenamed', 'TaskCompleted'])[seq + 1],
                       '1',
                       convert_to(CASE seq
                           WHEN 0 THEN json_build_object('taskId', id, 'ownerId', owner, 'title', 'Task ' || n,
                                   'description', null, 'due', null, 'priority', 'NONE', 'tags', '[]'::json,
                                   'occurrence', null)
                           WHEN 2 THEN json_build_object('taskId', id, 'description', 'about task ' || n)
                           WHEN 3 THEN json_build_object('taskId', id, 'priority', 'HIGH')
                           WHEN 4 THEN json_build_object('taskId', id, 'due', json_build_object(
                                   'date', '2026-12-24', 'time', '18:00:00', 'timeZone', 'Europe/Berlin'))
                           WHEN 6 THEN json_build_object('taskId', id)
                           WHEN 7 THEN json_build_object('taskId', id)
                           WHEN 9 THEN json_build_object('taskId', id)
                           ELSE json_build_object('taskId', id, 'title', 'Task ' || n || ' edit ' || seq)
                       END::text, 'UTF8'),
                       convert_to(json_build_object('userId', owner, 'deviceId', 'bench')::text, 'UTF8')
                FROM event""")
                .param(tasks)
                .update();
        jdbc.sql("SELECT setval('domain_event_entry_seq', (SELECT max(global_index) FROM domain_event_entry))")
                .query().listOfRows();
        jdbc.sql("VACUUM ANALYZE domain_event_entry").update();
        System.out.printf("loaded %,d events of %,d tasks in %.0f s%n", (long) tasks * EVENTS_PER_TASK, tasks,
                (System.nanoTime() - started) / 1e9);
    }

    /** CPU seconds used by this JVM and by the embedded PostgreSQL (the postmaster and every process it started). */
    private static final class CpuTime {

        record Used(double jvm, double postgres) {
        }

        private final Path data;
        private final double jvmAtStart;
        private final double postgresAtStart;

        CpuTime(Path data) throws IOException {
            this.data = data;
            this.jvmAtStart = jvm();
            this.postgresAtStart = postgres();
        }

        Used used() throws IOException {
            return new Used(jvm() - jvmAtStart, postgres() - postgresAtStart);
        }

        private static double jvm() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1e9;
        }

        /** utime + stime of /proc/PID/stat in clock ticks (100 a second on Linux). */
        private double postgres() throws IOException {
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            long ticks = 0;
            try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path process : processes) {
                    String[] fields;
                    try {
                        String stat = Files.readString(process.resolve("stat"));
                        fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    } catch (IOException gone) {
                        continue;
                    }
                    long pid = Long.parseLong(process.getFileName().toString());
                    if (pid == postmaster || Long.parseLong(fields[1]) == postmaster) {
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                }
            }
            return ticks / 100.0;
        }
    }
}
