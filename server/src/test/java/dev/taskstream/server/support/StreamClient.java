package dev.taskstream.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client of the stream (the JDK's), as a device would open it: ticket first, then the upgrade. */
public final class StreamClient implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private StreamClient() {
    }

    /** Takes a ticket for {@code user} and opens the stream, from {@code since} when it is not null. */
    public static StreamClient open(int port, ApiClient user, Long since) {
        return connect(port, ticket(user), since).join();
    }

    public static String ticket(ApiClient user) {
        ApiClient.Response ticket = user.post("/api/stream/ticket");
        assertThat(ticket.status()).isEqualTo(200);
        return ticket.text("ticket");
    }

    /** Opens the stream with the given ticket; the future fails if the server refuses the handshake. */
    public static CompletableFuture<StreamClient> connect(int port, String ticket, Long since) {
        StreamClient client = new StreamClient();
        String query = "ticket=" + ticket + (since == null ? "" : "&since=" + since);
        return HTTP.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://localhost:" + port + "/api/stream?" + query), client)
                .thenApply(socket -> {
                    client.socket = socket;
                    return client;
                });
    }

    /** The next message, waiting up to ten seconds for it. */
    public JsonNode next() {
        try {
            JsonNode message = messages.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("a message within 10 s").isNotNull();
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<JsonNode> next(int count) {
        List<JsonNode> next = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            next.add(next());
        }
        return next;
    }

    /** Skips messages up to the first of this type. */
    public JsonNode nextOfType(String type) {
        return nextWhere(message -> message.path("type").asText().equals(type));
    }

    /**
     * Skips messages up to the first that matches. A message shows a state the read model committed; several
     * writes that the projection handles in one batch show as one message with their final state.
     */
    public JsonNode nextWhere(Predicate<JsonNode> wanted) {
        JsonNode message = next();
        while (!wanted.test(message)) {
            message = next();
        }
        return message;
    }

    /** Skips messages up to the first that matches, waiting up to {@code within} for it (a cluster takes longer). */
    public JsonNode nextWhere(Predicate<JsonNode> wanted, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (true) {
                JsonNode message = messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                assertThat(message).as("a matching message within " + within).isNotNull();
                if (wanted.test(message)) {
                    return message;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every message received and not yet taken, without waiting. */
    public List<JsonNode> received() {
        List<JsonNode> received = new ArrayList<>();
        messages.drainTo(received);
        return received;
    }

    /** Asserts that nothing arrives for {@code quiet}. */
    public void expectNothingFor(Duration quiet) {
        try {
            assertThat(messages.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)).isNull();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The close code the server sent, waiting up to {@code bound} for it. */
    public int closeCode(Duration bound) {
        return closeCode.orTimeout(bound.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(JSON.readTree(partial.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        if (socket != null) {
            socket.abort();
        }
    }
}
