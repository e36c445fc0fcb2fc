package dev.taskstream.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.UUID;

/** A real HTTP client for the running server, speaking JSON the way a user's device would. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String token;
    private final String device;

    private ApiClient(URI base, String token) {
        this(base, token, null);
    }

    private ApiClient(URI base, String token, String device) {
        this.base = base;
        this.token = token;
        this.device = device;
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient(URI.create("http://localhost:" + port), null);
    }

    /** Signs up a new user with a unique email, so tests can share one database. */
    public static ApiClient newUser(int port) {
        ApiClient anonymous = anonymous(port);
        String email = "user-" + UUID.randomUUID() + "@example.org";
        Response signup = anonymous.post("/api/auth/signup",
                "{\"email\":\"" + email + "\",\"password\":\"correct horse battery staple\"}");
        if (signup.status() != 201) {
            throw new IllegalStateException("Sign-up failed: " + signup);
        }
        return anonymous.withToken(signup.body().get("accessToken").asText());
    }

    /** Signs up {@code email}, or logs in if that account exists already (a shared database keeps it). */
    public static ApiClient user(int port, String email) {
        ApiClient anonymous = anonymous(port);
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"correct horse battery staple\"}";
        Response answer = anonymous.post("/api/auth/signup", credentials);
        if (answer.status() == 409) {
            answer = anonymous.post("/api/auth/login", credentials);
        }
        if (answer.status() >= 300) {
            throw new IllegalStateException("Sign-up and login failed: " + answer);
        }
        return anonymous.withToken(answer.body().get("accessToken").asText());
    }

    public String token() {
        return token;
    }

    /** The {@code sub} of the token: the user's id. */
    public String userId() {
        String payload = token.split("\\.")[1];
        try {
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload)).get("sub").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ApiClient withToken(String bearerToken) {
        return new ApiClient(base, bearerToken, device);
    }

    /** The same user on a device that sends {@code X-Device-Id}. */
    public ApiClient onDevice(String deviceId) {
        return new ApiClient(base, token, deviceId);
    }

    public URI base() {
        return base;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String json) {
        return send(request(path).POST(BodyPublishers.ofString(json)));
    }

    public Response post(String path) {
        return send(request(path).POST(BodyPublishers.noBody()));
    }

    public Response patch(String path, String json) {
        return send(request(path).method("PATCH", BodyPublishers.ofString(json)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** Any request with extra headers, given as name-value pairs ({@code "If-Match", "\"3\""}). */
    public Response send(String method, String path, String json, String... headers) {
        HttpRequest.Builder builder = request(path).method(method,
                json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json");
        if (device != null) {
            builder.header("X-Device-Id", device);
        }
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            var response = HTTP.send(request.build(), BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(), body.isEmpty() ? JSON.nullNode() : JSON.readTree(body),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, JsonNode body, HttpHeaders headers) {

        public String text(String field) {
            return body.path(field).asText();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
