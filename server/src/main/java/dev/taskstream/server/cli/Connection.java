package dev.taskstream.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --server} and {@code --token} of every subcommand, and the HTTP calls made with them; without a server, the
 * same calls answered from the database in this process ({@link DirectDatabase}).
 */
final class Connection implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:TASKSTREAM_SERVER}",
            description = {"A running server, e.g. http://localhost:8080 (default: $TASKSTREAM_SERVER).",
                    "Without one, the server's database is used directly, with the server's settings "
                            + "(TASKSTREAM_DB_URL, or the embedded one under TASKSTREAM_HOME when the server is stopped)."})
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:TASKSTREAM_TOKEN}",
            description = "With --server: an access token (default: $TASKSTREAM_TOKEN); admin commands need an admin's.")
    String token;

    private DirectDatabase database;

    JsonNode get(String path) {
        return server == null ? database().get(path) : send(request(path).GET());
    }

    JsonNode post(String path) {
        return server == null ? database().post(path) : send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    JsonNode delete(String path) {
        return server == null ? database().delete(path) : send(request(path).DELETE());
    }

    @Override
    public void close() {
        if (database != null) {
            database.close();
        }
    }

    private DirectDatabase database() {
        if (database == null) {
            database = new DirectDatabase();
        }
        return database;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        if (token == null || token.isBlank()) {
            throw new Failure(Cli.EXIT_NOT_ALLOWED, "No token: give --token or set TASKSTREAM_TOKEN.");
        }
        URI uri;
        try {
            uri = URI.create(server.replaceAll("/+$", "") + path);
        } catch (IllegalArgumentException e) {
            throw new Failure(Cli.EXIT_USAGE, "--server is not a URL: " + server);
        }
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + token.strip());
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new Failure(Cli.EXIT_UNREACHABLE, "Cannot reach " + server + " (is the server running?)");
        } catch (IOException e) {
            throw new Failure(Cli.EXIT_UNREACHABLE, "Talking to " + server + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(Cli.EXIT_UNREACHABLE, "Interrupted");
        }
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status < 300) {
            return body;
        }
        String detail = body.path("detail").asText("");
        String code = body.path("code").asText("");
        String line = (detail.isEmpty() ? "The server answered " + status : detail)
                + " (HTTP " + status + (code.isEmpty() ? "" : " " + code) + ")";
        if (status == 401 || status == 403) {
            throw new Failure(Cli.EXIT_NOT_ALLOWED, status == 403
                    ? "This token is not an admin's (HTTP 403); see TASKSTREAM_ADMIN_EMAILS in the runbook."
                    : "The token was refused (HTTP 401); log in again.");
        }
        throw new Failure(status >= 500 ? Cli.EXIT_UNREACHABLE : Cli.EXIT_REFUSED, line);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.nullNode();
        }
    }
}
