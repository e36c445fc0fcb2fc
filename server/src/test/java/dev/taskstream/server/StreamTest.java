package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ApiClient.Response;
import dev.taskstream.server.support.Eventually;
import dev.taskstream.server.support.Reminders;
import dev.taskstream.server.support.ServerTest;
import dev.taskstream.server.support.StreamClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The real-time stream over real WebSockets (the JDK's client) against the running server. */
@ServerTest(properties = {"taskstream.stream.send-time-limit=1s", "taskstream.stream.send-buffer-limit=64KB"})
class StreamTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    private static final int WRITERS = 4;
    private static final int TASKS_PER_WRITER = 10;
    private static final Duration WRITING_AT_MOST = Duration.ofSeconds(90);

    private ApiClient ada;

    @BeforeEach
    void newUser() {
        ada = ApiClient.newUser(port);
    }

    @Test
    void twoDevicesOfOneUserSeeEachOthersChangesAndAnotherUserSeesNone() {
        ApiClient bob = ApiClient.newUser(port);
        try (StreamClient phone = StreamClient.open(port, ada, null);
             StreamClient laptop = StreamClient.open(port, ada, null);
             StreamClient bobs = StreamClient.open(port, bob, null)) {
            assertThat(phone.next().path("type").asText()).isEqualTo("hello");
            assertThat(laptop.next().path("position").asLong()).isZero();
            bobs.next();

            String id = ada.post("/api/tasks", "{\"title\":\"Buy milk\"}").text("id");
            for (StreamClient device : List.of(phone, laptop)) {
                JsonNode upserted = device.next();
                assertThat(upserted.path("type").asText()).isEqualTo("task.upserted");
                assertThat(upserted.path("position").asLong()).isEqualTo(1);
                assertThat(upserted.path("task").path("id").asText()).isEqualTo(id);
                assertThat(upserted.path("task").path("title").asText()).isEqualTo("Buy milk");
            }
            ada.patch("/api/tasks/" + id, "{\"title\":\"Buy oat milk\",\"priority\":\"HIGH\"}");
            JsonNode changed = laptop.nextWhere(message -> message.path("task").path("version").asLong() == 2);
            assertThat(changed.path("task").path("title").asText()).isEqualTo("Buy oat milk");
            assertThat(changed.path("task").path("priority").asText()).isEqualTo("HIGH");
            assertThat(phone.nextWhere(message -> message.path("task").path("version").asLong() == 2)).isEqualTo(changed);
            ada.delete("/api/tasks/" + id);
            long deletedAt = changed.path("position").asLong() + 1;
            assertThat(phone.next().toString())
                    .isEqualTo("{\"type\":\"task.deleted\",\"position\":" + deletedAt + ",\"id\":\"" + id + "\"}");

            // Bob's own change is the first thing Bob's device hears: none of Ada's reached it.
            String bobsTask = bob.post("/api/tasks", "{\"title\":\"Bob's\"}").text("id");
            JsonNode first = bobs.next();
            assertThat(first.path("task").path("id").asText()).isEqualTo(bobsTask);
            assertThat(first.path("position").asLong()).isEqualTo(1);
            phone.expectNothingFor(Duration.ofMillis(300));
        }
    }

    @Test
    void tagsAndSeriesAreStreamedToo() {
        try (StreamClient device = StreamClient.open(port, ada, null)) {
            device.next();
            String tag = ada.post("/api/tags", "{\"name\":\"home\",\"colour\":\"#22aa55\"}").text("id");
            JsonNode upserted = device.next();
            assertThat(upserted.path("type").asText()).isEqualTo("tag.upserted");
            assertThat(upserted.path("tag").path("name").asText()).isEqualTo("home");
            ada.delete("/api/tags/" + tag);
            assertThat(device.next().path("type").asText()).isEqualTo("tag.deleted");

            Response recurring = ada.post("/api/tasks", "{\"title\":\"Stand-up\",\"due\":{\"date\":\"2030-03-04\","
                    + "\"time\":\"09:00\",\"timeZone\":\"Europe/Berlin\"},\"recurrence\":{\"preset\":\"weekly\"}}");
            JsonNode series = device.nextOfType("series.upserted");
            assertThat(series.path("series").path("id").asText()).isEqualTo(recurring.text("seriesId"));
        }
    }

    @Test
    void aFiredReminderIsStreamedAsANotification() {
        try (StreamClient device = StreamClient.open(port, ada, null)) {
            device.next();
            String task = ada.post("/api/tasks", "{\"title\":\"Call the plumber\",\"reminders\":["
                    + Reminders.at(Reminders.soon()) + "]}").text("id");
            JsonNode created = device.nextOfType("notification.created");
            assertThat(created.path("notification").path("taskId").asText()).isEqualTo(task);
            assertThat(created.path("notification").path("title").asText()).isEqualTo("Call the plumber");
        }
    }

    /** Read marks are the user's own and in no event, yet their other devices hear of them like of any change. */
    @Test
    void readingANotificationOnOneDeviceIsStreamedToTheOthers() {
        try (StreamClient device = StreamClient.open(port, ada, null)) {
            device.next();
            Instant soon = Reminders.soon();
            ada.post("/api/tasks", "{\"title\":\"Stretch\",\"reminders\":["
                    + Reminders.at(soon) + "," + Reminders.at(soon.plusSeconds(1)) + "]}");
            String first = device.nextOfType("notification.created").at("/notification/id").asText();
            device.nextOfType("notification.created");

            assertThat(ada.post("/api/notifications/" + first + "/read").status()).isEqualTo(204);
            JsonNode read = device.nextOfType("notification.read");
            assertThat(read.path("ids").toString()).isEqualTo("[\"" + first + "\"]");

            assertThat(ada.post("/api/notifications/read-all").status()).isEqualTo(204);
            assertThat(device.nextOfType("notification.read").path("all").asBoolean()).isTrue();
            assertThat(ada.post("/api/notifications/read-all").status()).as("nothing left unread").isEqualTo(204);
            device.expectNothingFor(Duration.ofSeconds(1));
        }
    }

    @Test
    void anEditOfOnlyTheRemindersIsStreamedWithTheirFireTimes() {
        try (StreamClient device = StreamClient.open(port, ada, null)) {
            device.next();
            String id = ada.post("/api/tasks", "{\"title\":\"Pack\",\"due\":{\"date\":\"2030-03-04\",\"time\":\"09:00\","
                    + "\"timeZone\":\"Europe/Berlin\"}}").text("id");
            device.nextOfType("task.upserted");
            ada.patch("/api/tasks/" + id, "{\"reminders\":[{\"before\":\"PT30M\"}]}");
            JsonNode upserted = device.nextOfType("task.upserted");
            assertThat(upserted.path("task").path("reminders").path(0).path("fireAt").asText()).isEqualTo("2030-03-04T07:30:00Z");
        }
    }

    @Test
    void listsCarryThePositionTheyReflectAndHelloTheCurrentOne() {
        ada.post("/api/tasks", "{\"title\":\"one\"}");
        ada.post("/api/tasks", "{\"title\":\"two\"}");
        Eventually.items(ada, "/api/tasks", 2);
        Response list = ada.get("/api/tasks");
        assertThat(list.header("Stream-Position")).isEqualTo("2");
        assertThat(ada.get("/api/tags").header("Stream-Position")).isEqualTo("2");
        try (StreamClient device = StreamClient.open(port, ada, Long.parseLong(list.header("Stream-Position")))) {
            assertThat(device.next().toString()).isEqualTo("{\"type\":\"hello\",\"position\":2}");
            device.expectNothingFor(Duration.ofMillis(300));
        }
    }

    @Test
    void aReconnectWithSinceGetsExactlyTheMissedChangesInOrderThenLiveOnes() {
        String id = ada.post("/api/tasks", "{\"title\":\"v0\"}").text("id");
        long lastSeen;
        try (StreamClient device = StreamClient.open(port, ada, null)) {
            device.next();
            ada.patch("/api/tasks/" + id, "{\"title\":\"v1\"}");
            lastSeen = device.nextWhere(message -> message.path("task").path("title").asText().equals("v1"))
                    .path("position").asLong();
        }
        for (int i = 2; i <= 6; i++) {
            ada.patch("/api/tasks/" + id, "{\"title\":\"v" + i + "\"}");
            Eventually.task(ada, id, i);
        }
        await().atMost(Eventually.BOUND).until(() -> ada.get("/api/tasks").header("Stream-Position"),
                position -> Long.parseLong(position) == lastSeen + 5);

        try (StreamClient device = StreamClient.open(port, ada, lastSeen)) {
            assertThat(device.next().path("position").asLong()).isEqualTo(lastSeen + 5);
            List<JsonNode> missed = device.next(5);
            List<Long> positions = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            missed.forEach(message -> {
                positions.add(message.path("position").asLong());
                titles.add(message.path("task").path("title").asText());
            });
            assertThat(positions).containsExactly(lastSeen + 1, lastSeen + 2, lastSeen + 3, lastSeen + 4, lastSeen + 5);
            assertThat(titles).containsExactly("v2", "v3", "v4", "v5", "v6");

            ada.patch("/api/tasks/" + id, "{\"title\":\"live\"}");
            JsonNode live = device.next();
            assertThat(live.path("position").asLong()).isEqualTo(lastSeen + 6);
            assertThat(live.path("task").path("title").asText()).isEqualTo("live");
            device.expectNothingFor(Duration.ofMillis(300));
        }
    }

    @Test
    void catchUpAndLiveChangesMeetWithoutGapOrDuplicate() throws Exception {
        String id = ada.post("/api/tasks", "{\"title\":\"start\"}").text("id");
        Eventually.task(ada, id, 0);
        int writes = 40;
        Thread writer = new Thread(() -> {
            for (int i = 1; i <= writes; i++) {
                ada.patch("/api/tasks/" + id, "{\"title\":\"w" + i + "\"}");
            }
        });
        writer.start();
        // Connect from the very beginning while the writer is busy: the seam falls somewhere in its writes.
        try (StreamClient device = StreamClient.open(port, ada, 0L)) {
            device.next();
            writer.join();
            List<Long> positions = new ArrayList<>();
            JsonNode message;
            do {
                message = device.next();
                positions.add(message.path("position").asLong());
            } while (!message.path("task").path("title").asText().equals("w" + writes));
            assertThat(positions).as("every position once, in order").isEqualTo(
                    LongStream.rangeClosed(1, positions.size()).boxed().toList());
            device.expectNothingFor(Duration.ofMillis(300));
        }
    }

    @Test
    void aSinceFromTheFutureGetsResync() {
        ada.post("/api/tasks", "{\"title\":\"one\"}");
        await().atMost(Eventually.BOUND).until(() -> ada.get("/api/tasks").header("Stream-Position"), "1"::equals);
        try (StreamClient device = StreamClient.open(port, ada, 99L)) {
            assertThat(device.next().toString()).isEqualTo("{\"type\":\"hello\",\"position\":1}");
            assertThat(device.next().toString()).isEqualTo("{\"type\":\"resync\",\"position\":1}");
            ada.post("/api/tasks", "{\"title\":\"two\"}");
            assertThat(device.next().path("position").asLong()).isEqualTo(2);
        }
    }

    @Test
    void aClientThatStopsReadingIsClosedWhileAnotherKeepsReceiving() throws Exception {
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < WRITERS * TASKS_PER_WRITER; i++) {
            tasks.add(ada.post("/api/tasks", "{\"title\":\"big " + i + "\"}").text("id"));
        }
        double slowClosesBefore = slowCloses();
        try (StreamClient reader = StreamClient.open(port, ada, null);
             Socket stalled = stalledStream(StreamClient.ticket(ada))) {
            reader.next();
            // About 20 KB per message, none read by the stalled client, until the server gives up on it: once the
            // kernel's socket buffers are full (a few MB), a send waits longer than the 1 s limit. Writers go on
            // until then rather than for a fixed count: a projection that lags folds a batch's edits of one task into
            // one message, so how many messages a count of edits makes depends on the machine's speed.
            int[] edits = new int[tasks.size()];
            long giveUp = System.nanoTime() + WRITING_AT_MOST.toNanos();
            Thread[] writers = new Thread[WRITERS];
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers[w] = new Thread(() -> {
                    for (int round = 0; slowCloses() == slowClosesBefore && System.nanoTime() < giveUp; round++) {
                        int task = writer * TASKS_PER_WRITER + round % TASKS_PER_WRITER;
                        edits[task]++;
                        ada.patch("/api/tasks/" + tasks.get(task),
                                "{\"description\":\"" + edits[task] + "x".repeat(19_990) + "\"}");
                    }
                });
                writers[w].start();
            }
            for (Thread writer : writers) {
                writer.join();
            }
            await().atMost(Eventually.BOUND)
                    .alias("a slow-consumer close after " + IntStream.of(edits).sum() + " edits; closes so far: "
                            + closes())
                    .until(() -> slowCloses() > slowClosesBefore);
            assertThat(drainsToEnd(stalled)).as("the stalled connection is closed").isTrue();

            for (int task = 0; task < tasks.size(); task++) {
                Eventually.task(ada, tasks.get(task), edits[task]);
            }
            ada.patch("/api/tasks/" + tasks.get(0), "{\"title\":\"still here\"}");
            reader.nextWhere(message -> message.path("task").path("title").asText().equals("still here"));
        }
    }

    @Test
    void ticketsAreRefusedBeforeTheUpgradeWhenMissingReusedExpiredOrForged() {
        ApiClient anonymous = ApiClient.anonymous(port);
        assertRefused(anonymous.get("/api/stream"), 401, "ticket");
        assertRefused(anonymous.get("/api/stream?ticket=" + "A".repeat(43)), 401, "ticket");

        String ticket = StreamClient.ticket(ada);
        StreamClient.connect(port, ticket, null).join().close();
        assertThat(handshakeStatus(ticket, null)).as("a used ticket").isEqualTo(401);

        String expiring = StreamClient.ticket(ada);
        jdbc.sql("UPDATE stream_ticket SET expires_at = now() - interval '1 second' WHERE owner_id = ?::uuid")
                .param(ada.userId())
                .update();
        assertThat(handshakeStatus(expiring, null)).as("an expired ticket").isEqualTo(401);

        // Another server's ticket is one this database never issued: indistinguishable from a forged one.
        assertThat(handshakeStatus(UUID.randomUUID().toString(), null)).isEqualTo(401);
        assertThat(handshakeStatus("", null)).isEqualTo(401);
    }

    @Test
    void badParametersAreRefusedWithoutSpendingTheTicket() {
        ApiClient anonymous = ApiClient.anonymous(port);
        String ticket = StreamClient.ticket(ada);
        assertRefused(anonymous.get("/api/stream?ticket=" + ticket + "&since=-1"), 400, "since");
        assertRefused(anonymous.get("/api/stream?ticket=" + ticket + "&since=abc"), 400, "since");
        assertRefused(anonymous.get("/api/stream?ticket=" + ticket + "&from=3"), 400, "from");
        try (StreamClient device = StreamClient.connect(port, ticket, 0L).join()) {
            assertThat(device.next().path("type").asText()).isEqualTo("hello");
        }
    }

    @Test
    void aTicketNeedsABearerToken() {
        assertThat(ApiClient.anonymous(port).post("/api/stream/ticket").status()).isEqualTo(401);
        Response ticket = ada.post("/api/stream/ticket");
        assertThat(ticket.body().path("expiresIn").asInt()).isEqualTo(30);
        assertThat(ticket.text("ticket")).hasSize(43);
        assertThat(ticket.header("Cache-Control")).contains("no-store");
    }

    private static void assertRefused(Response response, int status, String field) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.text("field")).isEqualTo(field);
        assertThat(response.text("code")).isNotBlank();
    }

    private int handshakeStatus(String ticket, Long since) {
        try {
            StreamClient.connect(port, ticket, since).join().close();
            return 101;
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }

    private double slowCloses() {
        var counter = meters.find("taskstream.stream.closes").tag("reason", "slow-consumer").counter();
        return counter == null ? 0 : counter.count();
    }

    private String closes() {
        return meters.find("taskstream.stream.closes").counters().stream()
                .map(counter -> counter.getId().getTag("reason") + "=" + counter.count())
                .toList()
                .toString();
    }

    /**
     * Opens a stream over a plain socket with a tiny receive buffer, reads the handshake's answer (it must be the
     * upgrade), and never reads again.
     */
    private Socket stalledStream(String ticket) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("localhost", port));
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/stream?ticket=" + ticket + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(responseHead(socket.getInputStream())).startsWith("HTTP/1.1 101");
        return socket;
    }

    /** The status line and headers, byte by byte so that nothing after them is consumed. */
    private static String responseHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int next = in.read();
            if (next == -1) {
                break;
            }
            head.append((char) next);
        }
        return head.toString();
    }

    /** Reads whatever the server had sent until the connection ends; false if it stays open. */
    private static boolean drainsToEnd(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            while (in.read(buffer) != -1) {
                // discard: only the end matters
            }
            return true;
        } catch (SocketException reset) {
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        }
    }
}
