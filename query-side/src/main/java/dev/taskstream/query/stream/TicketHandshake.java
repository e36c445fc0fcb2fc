package dev.taskstream.query.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskstream.api.ErrorCode;
import dev.taskstream.query.stream.StreamTickets.Grant;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Lets a handshake through only with a valid ticket, and refuses it before the upgrade otherwise: 401 for a
 * missing, used, expired or forged ticket, 400 for a bad {@code since} or an unknown parameter, each as a
 * problem body. Parameters are checked first, so a bad request does not use up its ticket.
 */
class TicketHandshake implements HandshakeInterceptor {

    static final String GRANT = "taskstream.stream.grant";
    static final String SINCE = "taskstream.stream.since";
    private static final Set<String> PARAMETERS = Set.of("ticket", "since");

    private final StreamTickets tickets;
    private final ObjectMapper json;

    TicketHandshake(StreamTickets tickets, ObjectMapper json) {
        this.tickets = tickets;
        this.json = json;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                   WebSocketHandler handler, Map<String, Object> attributes) throws IOException {
        HttpServletRequest servlet = ((ServletServerHttpRequest) request).getServletRequest();
        Map<String, String[]> parameters = servlet.getParameterMap();
        Optional<String> unknown = parameters.keySet().stream().filter(name -> !PARAMETERS.contains(name)).findFirst();
        if (unknown.isPresent()) {
            return refuse(response, ErrorCode.INVALID_FIELD, unknown.get(), "Unknown parameter '" + unknown.get() + "'.");
        }
        String since = single(parameters, "since");
        if (since != null) {
            if (!since.matches("\\d{1,18}")) {
                return refuse(response, ErrorCode.INVALID_FIELD, "since",
                        "'since' is a position from an earlier message: a whole number, 0 or more.");
            }
            attributes.put(SINCE, Long.parseLong(since));
        }
        Optional<Grant> grant = tickets.redeem(single(parameters, "ticket"));
        if (grant.isEmpty()) {
            return refuse(response, ErrorCode.STREAM_TICKET_INVALID, "ticket",
                    "Open the stream with a fresh ticket from POST /api/stream/ticket; each works once, for a short time.");
        }
        attributes.put(GRANT, grant.get());
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
        // nothing to undo: the ticket is spent either way
    }

    private static String single(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private boolean refuse(ServerHttpResponse response, ErrorCode code, String field, String detail) throws IOException {
        HttpStatus status = HttpStatus.valueOf(code.httpStatus());
        ObjectNode problem = json.createObjectNode()
                .put("type", code.problemType())
                .put("title", status.getReasonPhrase())
                .put("status", status.value())
                .put("detail", detail)
                .put("code", code.name())
                .put("field", field);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getBody().write(json.writeValueAsBytes(problem));
        return false;
    }
}
