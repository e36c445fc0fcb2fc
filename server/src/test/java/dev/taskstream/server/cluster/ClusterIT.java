package dev.taskstream.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ApiClient.Response;
import dev.taskstream.server.support.EventSchemas;
import dev.taskstream.server.support.FakeDaprJobs;
import dev.taskstream.server.support.Reminders;
import dev.taskstream.server.support.StreamClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Split mode as it is deployed: a real Kafka broker process, one PostgreSQL, and the command, query and sagas
 * roles as three JVMs from the packaged jar; the sagas role reaches the command role through a Dapr sidecar
 * (a stand-in, see {@link Cluster}). A client drives the REST API: writes to the command role, reads
 * from the query role. The query role is killed with {@code kill -9} while writes go on (and a device follows the
 * stream, then catches up), then the sagas role
 * while a recurring task is being completed, then the broker is restarted; each time the read model ends up
 * equal to the event store, and every occurrence of the series exists exactly once. A reminder set on the command role
 * fires once, through the sagas role's Dapr Jobs deadline manager, and a stream client on the query role sees it and
 * the task it belongs to; one due while the sagas role is dead fires once after its restart. Last, every record on
 * the topic matches the published schema its headers name.
 */
@TestMethodOrder(OrderAnnotation.class)
class ClusterIT {

    private static final String TOPIC = "taskstream.events";

    private static final Duration CONVERGED_WITHIN = Duration.ofMinutes(2);

    private static Cluster cluster;
    private static JdbcClient database;
    private static KafkaBrokerProcess kafka;
    private static RoleProcess command;
    private static RoleProcess query;
    private static RoleProcess sagas;

    private final Map<String, String> titles = new LinkedHashMap<>();

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new Cluster(Path.of(System.getProperty("cluster.jar")), Path.of(System.getProperty("cluster.kafka-lib")),
                Files.createDirectories(Path.of("target", "cluster-it"))).start();
        database = JdbcClient.create(cluster.database());
        kafka = cluster.kafka();
        command = cluster.command();
        query = cluster.query();
        sagas = cluster.sagas();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * The whole way of a reminder in split mode: the command role stores it, the sagas role (fed by Kafka) schedules
     * a Dapr job, the stand-in Jobs API calls the sagas role back when it is due, the saga sends FireReminder to the
     * command role through the Dapr sidecar, and the query role (fed by Kafka) streams the notification. Dapr may
     * deliver a job twice: delivered again, it fires nothing more.
     */
    @Test
    @Order(1)
    void aReminderFiresOnceThroughDaprJobsAndTheQueryRolesStreamShowsTheTaskAndTheNotification() throws Exception {
        ApiClient writer = ApiClient.newUser(command.port());
        ApiClient reader = ApiClient.anonymous(query.port()).withToken(writer.token());
        FakeDaprJobs jobs = cluster.sagasJobs();
        Set<String> jobsBefore = jobs.jobs().keySet();

        try (StreamClient stream = StreamClient.open(query.port(), reader, null)) {
            assertThat(stream.next().path("type").asText()).isEqualTo("hello");
            Response created = writer.post("/api/tasks", "{\"title\":\"Call the plumber\",\"reminders\":["
                    + Reminders.at(Instant.now().plusSeconds(8)) + "]}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String task = created.text("id");

            JsonNode upserted = stream.nextWhere(message -> message.path("type").asText().equals("task.upserted")
                    && message.at("/task/id").asText().equals(task), CONVERGED_WITHIN);
            assertThat(upserted.at("/task/title").asText()).isEqualTo("Call the plumber");
            String job = await().atMost(CONVERGED_WITHIN).pollInterval(Duration.ofMillis(100))
                    .until(() -> jobs.jobs().keySet().stream().filter(name -> !jobsBefore.contains(name)).findFirst(),
                            Optional::isPresent).orElseThrow();

            JsonNode notification = stream.nextWhere(message -> message.path("type").asText()
                    .equals("notification.created"), CONVERGED_WITHIN);
            assertThat(notification.toString()).contains(task, "Call the plumber");
            await().atMost(CONVERGED_WITHIN).until(() -> !jobs.jobs().containsKey(job));

            assertThat(jobs.fire(job)).as("a job delivered again").isLessThan(500);
            Thread.sleep(3000);
            assertThat(remindersFired(task)).isEqualTo(1);
            assertThat(reader.get("/api/notifications").body().path("items")).hasSize(1);
            stream.expectNothingFor(Duration.ofSeconds(1));
        }
    }

    /** Dapr keeps calling a job back until the app takes it: a reminder due while the sagas role is dead fires after. */
    @Test
    @Order(2)
    void aReminderDueWhileTheSagasRoleIsDeadFiresOnceWhenItIsBack() throws Exception {
        ApiClient writer = ApiClient.newUser(command.port());
        ApiClient reader = ApiClient.anonymous(query.port()).withToken(writer.token());
        FakeDaprJobs jobs = cluster.sagasJobs();
        Set<String> jobsBefore = jobs.jobs().keySet();
        Instant due = Instant.now().plusSeconds(6);
        Response created = writer.post("/api/tasks", "{\"title\":\"Feed the cat\",\"reminders\":["
                + Reminders.at(due) + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String task = created.text("id");
        await().atMost(CONVERGED_WITHIN).pollInterval(Duration.ofMillis(100))
                .until(() -> jobs.jobs().keySet().stream().anyMatch(name -> !jobsBefore.contains(name)));

        sagas.kill();
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()) + 2000);
        assertThat(reader.get("/api/notifications").body().path("items")).isEmpty();
        sagas.start().awaitReady();

        await().atMost(CONVERGED_WITHIN).pollInterval(Duration.ofMillis(250))
                .until(() -> reader.get("/api/notifications").body().path("items").size() == 1);
        Thread.sleep(3000);
        assertThat(reader.get("/api/notifications").body().path("items")).hasSize(1);
        assertThat(remindersFired(task)).isEqualTo(1);
    }

    @Test
    @Order(3)
    void threeRolesSurviveKillsAndABrokerRestart_withNothingLostOrDuplicated() throws Exception {
        ApiClient writer = ApiClient.newUser(command.port());
        ApiClient reader = ApiClient.anonymous(query.port()).withToken(writer.token());

        for (int i = 0; i < 20; i++) {
            create(writer, "Task " + i);
        }
        Response recurring = writer.post("/api/tasks", """
                {"title":"Water the plants","due":{"date":"2026-03-02","time":"09:00","timeZone":"Europe/Berlin"},
                 "recurrence":{"preset":"daily"}}""");
        assertThat(recurring.status()).as(recurring.toString()).isEqualTo(201);
        String series = recurring.text("seriesId");
        awaitConverged(reader);

        complete(writer, awaitOccurrences(reader, series, 1).get(0));
        awaitOccurrences(reader, series, 2);

        // The query role dies mid-stream: writes go on while it is down and while it starts again. A device that
        // followed the stream reconnects from the last position it saw and gets exactly what it missed.
        StreamClient device = StreamClient.open(query.port(), reader, null);
        long seen = device.next().path("position").asLong();
        renameAll(writer, "before the query role died");
        query.kill();
        List<JsonNode> beforeTheKill = device.received();
        device.close();
        renameAll(writer, "while the query role was dead");
        query.start();
        renameAll(writer, "while the query role restarted");
        query.awaitReady();
        awaitConverged(reader);
        assertCaughtUp(reader, beforeTheKill, seen);

        // The sagas role dies while the completion of an occurrence is on its way to it.
        complete(writer, awaitOccurrences(reader, series, 2).get(1));
        Thread.sleep(150);
        sagas.kill();
        sagas.start().awaitReady();
        awaitOccurrences(reader, series, 3);

        // The broker restarts: events stored meanwhile reach Kafka once it is back, and nothing twice. A reminder
        // set meanwhile reaches the sagas role late, and fires once.
        kafka.stop();
        renameAll(writer, "while the broker was down");
        complete(writer, awaitOccurrences(reader, series, 3).get(2));
        String reminded = titles.keySet().iterator().next();
        Response remind = writer.patch("/api/tasks/" + reminded,
                "{\"reminders\":[" + Reminders.at(Instant.now().plusSeconds(5)) + "]}");
        assertThat(remind.status()).as(remind.toString()).isEqualTo(200);
        kafka.start();
        awaitOccurrences(reader, series, 4);
        awaitConverged(reader);
        await().atMost(CONVERGED_WITHIN).pollInterval(Duration.ofMillis(250))
                .until(() -> reader.get("/api/notifications").body().path("items").size() == 1);
        Thread.sleep(3000);
        assertThat(reader.get("/api/notifications").body().path("items")).hasSize(1);
        assertThat(remindersFired(reminded)).isEqualTo(1);

        assertThat(database.sql("""
                SELECT count(*) FROM (SELECT occurrence_index FROM task_view WHERE series_id = ?::uuid
                                      GROUP BY occurrence_index HAVING count(*) > 1) duplicates""")
                .param(series).query(Long.class).single()).isZero();
    }

    /**
     * What a consumer in another language reads: every stored event is on the topic, and every record's value
     * matches the JSON Schema that its type and revision headers name (docs/EVENTS.md).
     */
    @Test
    @Order(4)
    void everyStoredEventIsOnTheTopicAndEveryRecordMatchesThePublishedSchema() {
        Set<String> stored = new HashSet<>(database.sql("SELECT event_identifier FROM domain_event_entry")
                .query(String.class).list());
        List<String> problems = new ArrayList<>();
        Set<String> published = new HashSet<>();
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(partition -> new TopicPartition(TOPIC, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(CONVERGED_WITHIN).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String type = header(record, "axon-message-type");
                    String revision = header(record, "axon-message-revision");
                    published.add(header(record, "axon-message-id"));
                    problems.addAll(EventSchemas.problems(type, revision, new String(record.value(), StandardCharsets.UTF_8)));
                    assertThat(new String(record.key(), StandardCharsets.UTF_8))
                            .isEqualTo(header(record, "axon-message-aggregate-id"));
                    assertThat(header(record, "axon-message-aggregate-type")).isIn("Task", "TaskSeries", "Tag");
                    assertThat(record.headers().lastHeader("axon-message-aggregate-seq").value()).hasSize(Long.BYTES);
                    long stamp = ByteBuffer.wrap(record.headers().lastHeader("axon-message-timestamp").value()).getLong();
                    assertThat(Instant.ofEpochMilli(stamp)).isBefore(Instant.now());
                }
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
            });
        }
        assertThat(problems).isEmpty();
        assertThat(published).containsAll(stored);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static long remindersFired(String task) {
        return database.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND payload_type = 'dev.taskstream.api.tasks.ReminderFired'")
                .param(task).query(Long.class).single();
    }

    private void create(ApiClient writer, String title) {
        Response created = writer.post("/api/tasks", "{\"title\":\"" + title + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        titles.put(created.text("id"), title);
    }

    /**
     * Reconnecting with the last position the device saw sends every later change once, in order, up to the head
     * that hello announces; the last message about each task shows its final title.
     */
    private void assertCaughtUp(ApiClient reader, List<JsonNode> beforeTheKill, long hello) {
        long seen = beforeTheKill.stream().mapToLong(message -> message.path("position").asLong()).max().orElse(hello);
        assertThat(beforeTheKill.stream().map(message -> message.path("position").asLong()).toList())
                .as("positions received before the kill").isEqualTo(LongStream.rangeClosed(hello + 1, seen).boxed().toList());
        try (StreamClient again = StreamClient.open(query.port(), reader, seen)) {
            long head = again.next().path("position").asLong();
            List<JsonNode> missed = again.next((int) (head - seen));
            assertThat(missed.stream().map(message -> message.path("position").asLong()).toList())
                    .as("the changes missed, in order, once").isEqualTo(LongStream.rangeClosed(seen + 1, head).boxed().toList());
            again.expectNothingFor(Duration.ofSeconds(1));

            Map<String, String> lastTitles = new HashMap<>();
            Stream.concat(beforeTheKill.stream(), missed.stream())
                    .filter(message -> message.path("type").asText().equals("task.upserted"))
                    .forEach(message -> lastTitles.put(message.at("/task/id").asText(), message.at("/task/title").asText()));
            assertThat(lastTitles).containsAllEntriesOf(titles);
        }
    }

    private void renameAll(ApiClient writer, String when) {
        titles.replaceAll((id, title) -> {
            String renamed = title.replaceAll(" \\(.*\\)$", "") + " (" + when + ")";
            Response patched = writer.patch("/api/tasks/" + id, "{\"title\":\"" + renamed + "\"}");
            assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
            return renamed;
        });
    }

    private static void complete(ApiClient writer, JsonNode occurrence) {
        Response completed = writer.post("/api/tasks/" + occurrence.path("id").asText() + "/complete");
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
    }

    /** Waits until the series has exactly occurrences 1..count, each once, as the query role shows them. */
    private static List<JsonNode> awaitOccurrences(ApiClient reader, String series, int count) {
        List<Integer> expected = IntStream.rangeClosed(1, count).boxed().toList();
        return await().atMost(CONVERGED_WITHIN).pollInterval(Duration.ofMillis(250))
                .until(() -> occurrences(reader, series),
                        tasks -> tasks.stream().map(task -> task.path("occurrenceIndex").asInt()).toList()
                                .equals(expected));
    }

    private static List<JsonNode> occurrences(ApiClient reader, String series) {
        List<JsonNode> found = new ArrayList<>();
        reader.get("/api/tasks?limit=200&sort=created").body().path("items").forEach(task -> {
            if (series.equals(task.path("seriesId").asText())) {
                found.add(task);
            }
        });
        return found;
    }

    /**
     * The read model equals the write side: every task's row carries the version of its last stored event, and
     * the query role answers every title the command role accepted last.
     */
    private void awaitConverged(ApiClient reader) {
        await().atMost(CONVERGED_WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(versionsInReadModel()).isEqualTo(versionsInEventStore());
            Map<String, String> shown = new HashMap<>();
            reader.get("/api/tasks?limit=200").body().path("items")
                    .forEach(task -> shown.put(task.path("id").asText(), task.path("title").asText()));
            assertThat(shown).containsAllEntriesOf(titles);
        });
    }

    /** A firing or snooze of a reminder makes a notification, not a change of the task's row. */
    private static Map<String, Long> versionsInEventStore() {
        Map<String, Long> versions = new HashMap<>();
        database.sql("SELECT aggregate_identifier, max(sequence_number) FROM domain_event_entry WHERE type = 'Task'"
                        + " AND payload_type NOT IN ('dev.taskstream.api.tasks.ReminderFired',"
                        + " 'dev.taskstream.api.tasks.ReminderSnoozed') GROUP BY aggregate_identifier")
                .query((row, n) -> versions.put(row.getString(1), row.getLong(2))).list();
        return versions;
    }

    private static Map<String, Long> versionsInReadModel() {
        Map<String, Long> versions = new HashMap<>();
        database.sql("SELECT task_id::text, version FROM task_view")
                .query((row, n) -> versions.put(row.getString(1), row.getLong(2))).list();
        return versions;
    }
}
