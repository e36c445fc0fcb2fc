package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.Eventually;
import dev.taskstream.server.support.ServerTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Clients that send their bodies slowly hold no request thread: with as many of them as Tomcat has threads (200),
 * health checks and other users' requests are still answered at once, and each slow body is cut off at its
 * deadline with a 408. Before, 200 slow uploads held every thread and nothing else was answered for 40 s.
 */
@ServerTest(properties = "taskstream.http.body-read-timeout=4s")
class SlowClientTest {

    private static final int SLOW_CLIENTS = 200;

    @LocalServerPort
    int port;

    @Test
    void slowUploadsDoNotStarveOtherRequests() throws IOException {
        ApiClient slow = ApiClient.newUser(port);
        ApiClient other = ApiClient.newUser(port);
        List<Socket> uploads = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                uploads.add(startSlowUpload(slow.token()));
            }

            for (int i = 0; i < 10; i++) {
                long started = System.nanoTime();
                assertThat(other.get("/api/tasks").status()).isEqualTo(200);
                assertThat(ApiClient.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            }

            assertThat(statusLine(uploads.get(0))).startsWith("HTTP/1.1 408");
        } finally {
            for (Socket upload : uploads) {
                upload.close();
            }
        }
    }

    /** Part of the body comes with the headers and the rest a moment later: the create stores all of it. */
    @Test
    void aBodyThatArrivesInTwoPartsIsReadWhole() throws Exception {
        ApiClient user = ApiClient.newUser(port);
        String body = "{\"title\":\"Sent in two parts\",\"description\":\"" + "x".repeat(2_000) + "\"}";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/tasks HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + user.token()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n"
                    + body.substring(0, 100)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);
            out.write(body.substring(100).getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertThat(statusLine(socket)).startsWith("HTTP/1.1 201");
        }
        JsonNode stored = Eventually.items(user, "/api/tasks", 1).path(0);
        assertThat(stored.path("title").asText()).isEqualTo("Sent in two parts");
        assertThat(stored.path("description").asText()).isEqualTo("x".repeat(2_000));
    }

    /** An authenticated create that announces 1,000 bytes of body and sends ten. */
    private Socket startSlowUpload(String token) throws IOException {
        Socket socket = new Socket("localhost", port);
        socket.setSoTimeout(15_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/tasks HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"title\":")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static String statusLine(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }
}
