package dev.taskstream.server.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskstream.server.identity.SessionCookie;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs a tool as the REST request it stands for, with the caller's own credentials, so that an assistant gets
 * exactly what the API gives that user: the same checks, the same refusals naming the field, and never another
 * user's data. A write answers once the task reads as written, so that the assistant's next call sees it.
 */
final class RestToolCalls {

    /** What identifies the caller to the API; copied from the MCP request onto every call made for it. */
    static final List<String> CREDENTIALS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.COOKIE,
            SessionCookie.CLIENT_HEADER);
    /** The caller's user id, as the token that authenticated the MCP request names it. */
    static final String USER = "user";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READ_BACK_PATIENCE = Duration.ofSeconds(2);
    private static final Duration READ_BACK_PAUSE = Duration.ofMillis(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Supplier<URI> api;
    private final ObjectMapper json;
    private final McpCallLimits limits;

    RestToolCalls(Supplier<URI> api, ObjectMapper json, McpCallLimits limits) {
        this.api = api;
        this.json = json;
        this.limits = limits;
    }

    /** Who makes an MCP request: the credentials to call the API with, and the user they name. */
    static McpTransportContext callerOf(HttpServletRequest request) {
        Map<String, Object> caller = new HashMap<>();
        CREDENTIALS.forEach(name -> {
            if (request.getHeader(name) != null) {
                caller.put(name, request.getHeader(name));
            }
        });
        caller.put(USER, SecurityContextHolder.getContext().getAuthentication().getName());
        return McpTransportContext.create(caller);
    }

    CallToolResult call(RestTool tool, McpTransportContext caller, Map<String, Object> arguments) {
        String user = (String) caller.get(USER);
        if (!limits.tryAcquire(user)) {
            return failed("Too many calls at once; wait for the others to answer, then try again.");
        }
        try {
            return callApi(tool, caller, arguments);
        } finally {
            limits.release(user);
        }
    }

    private CallToolResult callApi(RestTool tool, McpTransportContext caller, Map<String, Object> arguments) {
        Map<String, Object> rest = new LinkedHashMap<>(arguments == null ? Map.of() : arguments);
        String path = tool.path();
        for (String name : tool.pathArguments()) {
            path = path.replace("{" + name + "}", encode(String.valueOf(rest.remove(name))));
        }
        Object version = rest.remove(RestTool.VERSION);
        HttpRequest.Builder request = onBehalfOf(caller);
        if (version != null) {
            request.header(HttpHeaders.IF_MATCH, "\"" + version + "\"");
        }
        try {
            if (!tool.isWrite()) {
                request.uri(api.get().resolve(path + query(rest))).GET();
            } else if (tool.takesBody()) {
                request.uri(api.get().resolve(path)).header(HttpHeaders.CONTENT_TYPE, "application/json")
                        .method(tool.method(), HttpRequest.BodyPublishers.ofString(json.writeValueAsString(rest)));
            } else {
                request.uri(api.get().resolve(path)).method(tool.method(), HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 400) {
                return refused(answer);
            }
            JsonNode body = answer.body().isEmpty() ? json.createObjectNode() : json.readTree(answer.body());
            return answered(tool.readBack() != null ? readBack(tool, caller, body) : body);
        } catch (IOException e) {
            return failed("Could not reach the API at " + api.get() + " (" + e.getMessage() + "); try again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("The server is shutting down; try again in a moment.");
        }
    }

    /**
     * Reads what was written until it shows the write (or, after a delete, is gone), and until what the write made
     * besides can be read, for at most {@link #READ_BACK_PATIENCE}: the views follow the events within
     * milliseconds, and an assistant often lists or reads right after writing.
     */
    private JsonNode readBack(RestTool tool, McpTransportContext caller, JsonNode written)
            throws IOException, InterruptedException {
        if (!written.hasNonNull("id") || !written.hasNonNull("version")) {
            return written;
        }
        long deadline = System.nanoTime() + READ_BACK_PATIENCE.toNanos();
        long version = written.get("version").asLong();
        boolean deleted = tool.method().equals("DELETE");
        HttpResponse<String> shown = await(caller, fill(tool.readBack(), written), deadline, answer -> deleted
                ? answer.statusCode() == 404
                : answer.statusCode() == 200 && versionIn(answer) >= version);
        boolean allShown = shown != null;
        for (String path : tool.alsoReadable()) {
            String also = fill(path, written);
            allShown &= also == null || await(caller, also, deadline, answer -> answer.statusCode() == 200) != null;
        }
        if (!allShown) {
            return ((ObjectNode) written.deepCopy()).put("note", "Written, but not yet shown by reads; read it again shortly.");
        }
        return deleted ? written : json.readTree(shown.body());
    }

    /** The first answer that shows what is awaited, or null when none did by the deadline. */
    private HttpResponse<String> await(McpTransportContext caller, String path, long deadline,
                                       Predicate<HttpResponse<String>> shows) throws IOException, InterruptedException {
        HttpRequest read = onBehalfOf(caller).uri(api.get().resolve(path)).GET().build();
        while (true) {
            HttpResponse<String> answer = http.send(read, HttpResponse.BodyHandlers.ofString());
            if (shows.test(answer)) {
                return answer;
            }
            if (System.nanoTime() >= deadline) {
                return null;
            }
            Thread.sleep(READ_BACK_PAUSE.toMillis());
        }
    }

    private long versionIn(HttpResponse<String> answer) {
        try {
            return json.readTree(answer.body()).path("version").asLong(-1);
        } catch (JsonProcessingException e) {
            return -1;
        }
    }

    /** The path with each {@code {name}} filled from the write's answer; null when the answer has no such value. */
    private static String fill(String path, JsonNode written) {
        String filled = path;
        for (String name : RestTool.argumentsOf(path)) {
            if (!written.hasNonNull(name)) {
                return null;
            }
            filled = filled.replace("{" + name + "}", encode(written.get(name).asText()));
        }
        return filled;
    }

    private static HttpRequest.Builder onBehalfOf(McpTransportContext caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(CALL_TIMEOUT);
        CREDENTIALS.forEach(name -> {
            if (caller.get(name) instanceof String value) {
                request.header(name, value);
            }
        });
        return request;
    }

    private String query(Map<String, Object> arguments) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        arguments.forEach((name, value) -> {
            for (Object each : value instanceof List<?> list ? list : List.of(value)) {
                query.add(encode(name) + "=" + encode(String.valueOf(each)));
            }
        });
        return query.toString();
    }

    private CallToolResult answered(JsonNode body) {
        JsonNode structured = body.isObject() ? body : json.createObjectNode().set("items", body);
        return CallToolResult.builder()
                .addTextContent(structured.toString())
                .structuredContent(json.convertValue(structured, Map.class))
                .build();
    }

    /** The API's problem body, said in one line an assistant can act on: what is wrong, and which field. */
    private CallToolResult refused(HttpResponse<String> answer) {
        JsonNode problem;
        try {
            problem = json.readTree(answer.body());
        } catch (JsonProcessingException e) {
            problem = null;
        }
        if (problem == null || !problem.hasNonNull("detail")) {
            return failed(answer.statusCode() < 500
                    ? "The API refused the call (" + answer.statusCode() + "); check the arguments."
                    : "The API failed (" + answer.statusCode() + "); try again later.");
        }
        String field = problem.path("field").asText(null);
        return CallToolResult.builder()
                .isError(true)
                .addTextContent(problem.get("detail").asText() + (field == null ? "" : " (field: " + field + ")"))
                .structuredContent(json.convertValue(problem, Map.class))
                .build();
    }

    private static CallToolResult failed(String message) {
        return CallToolResult.builder().isError(true).addTextContent(message).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
