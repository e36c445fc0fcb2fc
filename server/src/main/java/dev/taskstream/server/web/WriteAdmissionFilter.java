package dev.taskstream.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskstream.api.TaskstreamException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.UUID;
import org.springframework.http.HttpHeaders;

/**
 * Authenticated writes to the API take their turn from {@link WriteAdmission}; reads never wait. Runs before the
 * {@code Idempotency-Key} filter, so a write refused here has not used its key. A refusal says when to try again
 * ({@code Retry-After}).
 */
final class WriteAdmissionFilter extends ApiWriteFilter {

    private static final String RETRY_AFTER_SECONDS = "1";

    private final WriteAdmission admission;
    private final ObjectMapper json;

    WriteAdmissionFilter(WriteAdmission admission, ObjectMapper json) {
        this.admission = admission;
        this.json = json;
    }

    @Override
    protected void filterWrite(HttpServletRequest request, HttpServletResponse response, FilterChain chain, UUID writer)
            throws ServletException, IOException {
        WriteAdmission.Turn turn;
        try {
            turn = admission.admit(writer);
        } catch (TaskstreamException refused) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            ProblemResponses.write(response, json, refused.code(), refused.getMessage());
            return;
        } catch (InterruptedException shuttingDown) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for a write's turn");
        }
        try (turn) {
            chain.doFilter(request, response);
        }
    }
}
