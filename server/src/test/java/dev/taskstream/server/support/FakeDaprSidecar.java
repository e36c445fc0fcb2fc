package dev.taskstream.server.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

/**
 * Stands in for daprd next to a role, since no Dapr binary can be installed here: it speaks the sidecar's HTTP
 * service-invocation API ({@code POST /v1.0/invoke/{appId}/method/{method}}), forwards the call to that app
 * with the app API token, and passes the app's answer back, as daprd does. An app that is down answers 500
 * with Dapr's own error body, so the caller sees what it would see in Kubernetes.
 */
public final class FakeDaprSidecar implements AutoCloseable {

    private static final String PREFIX = "/v1.0/invoke/";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final HttpServer server;
    private final Map<String, IntSupplier> appPorts;
    private final String appApiToken;

    public FakeDaprSidecar(Map<String, IntSupplier> appPorts, String appApiToken) throws IOException {
        this.appPorts = appPorts;
        this.appApiToken = appApiToken;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext(PREFIX, this::invoke);
        server.start();
    }

    public int httpPort() {
        return server.getAddress().getPort();
    }

    private void invoke(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().substring(PREFIX.length()).split("/method/", 2);
        IntSupplier port = appPorts.get(parts[0]);
        if (port == null || parts.length < 2) {
            answer(exchange, 500, "{\"errorCode\":\"ERR_DIRECT_INVOKE\",\"message\":\"no such app " + parts[0] + "\"}");
            return;
        }
        HttpRequest forwarded = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + "/" + parts[1]))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"))
                .header("dapr-api-token", appApiToken)
                .method(exchange.getRequestMethod(), BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()))
                .build();
        try {
            HttpResponse<byte[]> response = HTTP.send(forwarded, BodyHandlers.ofByteArray());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(response.body());
            }
        } catch (IOException e) {
            answer(exchange, 500, "{\"errorCode\":\"ERR_DIRECT_INVOKE\",\"message\":\"" + e.getClass().getSimpleName() + "\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(exchange, 500, "{\"errorCode\":\"ERR_DIRECT_INVOKE\",\"message\":\"interrupted\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
