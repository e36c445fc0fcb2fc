package dev.taskstream.server.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.ResponseCookie;

/**
 * The web UI's session: the access token in an HttpOnly cookie, so no script on the page (an injected one
 * included) can read it and carry it off. SameSite=Strict keeps other sites' pages from sending it, and the
 * server accepts it only with the {@link #CLIENT_HEADER} header, which a cross-site form or image cannot add
 * (a cross-site fetch that adds it needs CORS, which this server never grants). API clients keep using the
 * bearer header and can ignore the cookie.
 */
public final class SessionCookie {

    public static final String NAME = "taskstream_session";
    public static final String CLIENT_HEADER = "X-Taskstream-Client";

    private SessionCookie() {
    }

    static String issue(HttpServletRequest request, String token, Instant expiresAt) {
        return cookie(request, token, Duration.between(Instant.now(), expiresAt));
    }

    static String clear(HttpServletRequest request) {
        return cookie(request, "", Duration.ZERO);
    }

    private static String cookie(HttpServletRequest request, String value, Duration maxAge) {
        return ResponseCookie.from(NAME, value)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Strict")
                .path("/")
                .maxAge(maxAge)
                .build()
                .toString();
    }
}
