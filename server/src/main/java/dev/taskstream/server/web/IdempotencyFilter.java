package dev.taskstream.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskstream.api.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.stereotype.Component;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on writes: the first request with a key runs and its answer (status, body, {@code ETag},
 * {@code Location}) is kept for 24 hours; a retry with the same key gets that answer again, marked
 * {@code Idempotent-Replayed: true}, and changes nothing. The same key with another request (method, path or body)
 * is 422 naming the header; a retry while the first is still running is 409. Keys are per user. An answer of 5xx
 * is not kept, so a retry runs the request again.
 */
@Component
@EnableScheduling
class IdempotencyFilter extends ApiWriteFilter {

    static final String HEADER = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyKeys keys;
    private final ObjectMapper json;

    IdempotencyFilter(IdempotencyKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    /** Only authenticated writes with the header; sign-up, login and stream tickets are left alone. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return request.getHeader(HEADER) == null || super.shouldNotFilter(request) || path.startsWith("/api/auth/")
                || path.startsWith("/api/stream");
    }

    @Override
    protected void filterWrite(HttpServletRequest request, HttpServletResponse response, FilterChain chain, UUID owner)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            refuse(response, ErrorCode.INVALID_FIELD, "An Idempotency-Key is 1 to 255 visible ASCII characters.");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        byte[] fingerprint = fingerprint(request, body);

        if (keys.claim(owner, key, fingerprint)) {
            run(new BufferedBodyRequest(request, body), response, chain, owner, key);
            return;
        }
        Optional<IdempotencyKeys.Stored> stored = keys.find(owner, key);
        if (stored.isEmpty()) {
            // Released by a failed first request a moment ago: this one runs it again.
            refuse(response, ErrorCode.IDEMPOTENCY_KEY_IN_USE, "The first request with this Idempotency-Key has just"
                    + " failed; retry.");
        } else if (!Arrays.equals(stored.get().fingerprint(), fingerprint)) {
            refuse(response, ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request; use a new key for a new request.");
        } else if (stored.get().status() == null) {
            refuse(response, ErrorCode.IDEMPOTENCY_KEY_IN_USE,
                    "The first request with this Idempotency-Key is still running; retry in a moment.");
        } else {
            replay(stored.get(), response);
        }
    }

    private void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain, UUID owner, String key)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, captured);
            if (captured.getStatus() < 500) {
                keys.answer(owner, key, captured.getStatus(), captured.getContentType(),
                        captured.getHeader(HttpHeaders.ETAG), captured.getHeader(HttpHeaders.LOCATION),
                        captured.getContentAsByteArray());
                kept = true;
            }
        } finally {
            if (!kept) {
                keys.release(owner, key);
            }
            captured.copyBodyToResponse();
        }
    }

    private static void replay(IdempotencyKeys.Stored stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        response.setHeader(REPLAYED, "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, stored.etag());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body());
        }
    }

    private void refuse(HttpServletResponse response, ErrorCode code, String detail) throws IOException {
        ProblemResponses.write(response, json, code, HEADER, detail);
    }

    /** Method, path with query and body: what makes two requests the same request. */
    private static byte[] fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return sha.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
