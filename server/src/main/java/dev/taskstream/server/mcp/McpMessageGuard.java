package dev.taskstream.server.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskstream.server.web.BufferedBodyRequest;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a malformed MCP message with a JSON-RPC error and {@code 400} before the MCP SDK sees it. The SDK answers
 * some with {@code 500} and an error in its log: a {@code tools/call} without a tool name, or {@code params} or
 * {@code arguments} that are not objects. Everything else about a message is the SDK's to check.
 */
final class McpMessageGuard extends OncePerRequestFilter {

    private final ObjectMapper json;

    McpMessageGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!request.getMethod().equals("POST")) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        JsonNode message;
        try {
            message = json.readTree(body);
        } catch (JsonProcessingException e) {
            refuse(response, null, ErrorCodes.PARSE_ERROR, "The body is not JSON; send one JSON-RPC message.");
            return;
        }
        String wrong = wrongIn(message);
        if (wrong != null) {
            refuse(response, message == null ? null : message.get("id"), ErrorCodes.INVALID_PARAMS, wrong);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private static String wrongIn(JsonNode message) {
        if (message == null || !message.isObject()) {
            return "Send one JSON-RPC message, an object.";
        }
        JsonNode params = message.get("params");
        if (params != null && !params.isNull() && !params.isObject()) {
            return "params must be an object.";
        }
        if (!"tools/call".equals(message.path("method").asText())) {
            return null;
        }
        if (params == null || !params.path("name").isTextual()) {
            return "tools/call needs params.name, the tool's name (tools/list lists them).";
        }
        JsonNode arguments = params.get("arguments");
        return arguments == null || arguments.isNull() || arguments.isObject() ? null
                : "params.arguments must be an object of the tool's arguments.";
    }

    private void refuse(HttpServletResponse response, JsonNode id, int code, String message) throws IOException {
        ObjectNode error = json.createObjectNode().put("jsonrpc", "2.0");
        error.set("id", id);
        error.putObject("error").put("code", code).put("message", message);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(error));
    }
}
