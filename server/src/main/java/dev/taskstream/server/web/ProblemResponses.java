package dev.taskstream.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskstream.api.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The problem body of {@link ProblemHandler}, for refusals made before Spring MVC runs (filters, security). */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static void write(HttpServletResponse response, ObjectMapper json, ErrorCode code, String detail)
            throws IOException {
        write(response, json, code, null, detail);
    }

    /** As above, naming the field (a header, say) that the refusal is about. */
    public static void write(HttpServletResponse response, ObjectMapper json, ErrorCode code, String field,
                             String detail) throws IOException {
        ResponseEntity<Object> problem = ProblemHandler.problem(code, field, detail);
        response.setStatus(problem.getStatusCode().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem.getBody());
    }
}
