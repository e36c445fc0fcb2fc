package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.Eventually;
import dev.taskstream.server.support.ServerTest;
import dev.taskstream.server.support.StreamClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stream's limits, shortened so that they show within a test: changes are pruned down to each user's last two
 * every second, tokens live twelve seconds, pings go every second, a connection silent for three is idle, and
 * a client gets one second to answer a close.
 */
@ServerTest(properties = {"taskstream.stream.retention=0s", "taskstream.stream.retained-changes=2",
        "taskstream.stream.prune-interval=1s", "taskstream.auth.token-ttl=12s",
        "taskstream.stream.heartbeat=1s", "taskstream.stream.idle-timeout=3s", "taskstream.stream.send-time-limit=1s"})
class StreamLimitsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void aSinceOlderThanWhatIsKeptGetsResyncAndOneStillKeptGetsTheRest() {
        ApiClient ada = ApiClient.newUser(port);
        for (int i = 1; i <= 4; i++) {
            ada.post("/api/tasks", "{\"title\":\"t" + i + "\"}");
        }
        await().atMost(Eventually.BOUND).until(() -> jdbc
                .sql("SELECT count(*) = 2 AND max(position) = 4 FROM change_log WHERE owner_id = ?::uuid")
                .param(ada.userId()).query(Boolean.class).single());

        try (StreamClient device = StreamClient.open(port, ada, 0L)) {
            assertThat(device.next().toString()).isEqualTo("{\"type\":\"hello\",\"position\":4}");
            assertThat(device.next().toString()).isEqualTo("{\"type\":\"resync\",\"position\":4}");
            device.expectNothingFor(Duration.ofMillis(300));
        }
        try (StreamClient device = StreamClient.open(port, ada, 2L)) {
            device.next();
            List<String> kept = jdbc.sql("SELECT message FROM change_log WHERE owner_id = ?::uuid ORDER BY position")
                    .param(ada.userId()).query(String.class).list();
            assertThat(device.next(2)).extracting(JsonNode::toString).isEqualTo(kept);
            assertThat(kept).allMatch(message -> message.contains("\"position\":3") || message.contains("\"position\":4"));
        }
    }

    @Test
    void streamsCloseWhenTheirTokenExpires() {
        ApiClient ada = ApiClient.newUser(port);
        try (StreamClient device = StreamClient.open(port, ada, null)) {
            device.next();
            assertThat(device.closeCode(Duration.ofSeconds(20))).isEqualTo(4001);
        }
    }

    @Test
    void aClientThatAnswersNoPingIsClosedAsIdleWhileOneThatDoesStays() throws IOException {
        ApiClient ada = ApiClient.newUser(port);
        double idleBefore = idleCloses();
        try (StreamClient answering = StreamClient.open(port, ada, null);
             Socket silent = new Socket("localhost", port)) {
            answering.next();
            OutputStream out = silent.getOutputStream();
            out.write(("GET /api/stream?ticket=" + StreamClient.ticket(ada) + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            silent.setSoTimeout(15_000);
            InputStream in = silent.getInputStream();
            byte[] buffer = new byte[4096];
            while (in.read(buffer) != -1) {
                // reads pings and never answers them, until the server hangs up
            }
            assertThat(idleCloses()).isGreaterThan(idleBefore);

            ada.post("/api/tasks", "{\"title\":\"after the others were idle\"}");
            assertThat(answering.next().path("task").path("title").asText()).isEqualTo("after the others were idle");
        }
    }

    private double idleCloses() {
        var counter = meters.find("taskstream.stream.closes").tag("reason", "idle").counter();
        return counter == null ? 0 : counter.count();
    }
}
