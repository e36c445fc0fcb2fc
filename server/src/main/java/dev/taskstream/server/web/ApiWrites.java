package dev.taskstream.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** What the filters that act on writes to the API ask of a request: is it one, and whose is it. */
final class ApiWrites {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private ApiWrites() {
    }

    static boolean isApiWrite(HttpServletRequest request) {
        return WRITES.contains(request.getMethod()) && request.getRequestURI().startsWith("/api/");
    }

    /** The user whose token Spring Security accepted for this request; none for sign-up and login. */
    static Optional<UUID> writer() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                ? Optional.of(UUID.fromString(token.getToken().getSubject())) : Optional.empty();
    }
}
