package dev.taskstream.server.security;

import dev.taskstream.server.identity.SessionCookie;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Set;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The bearer header when there is one, else the session cookie, but only from the web UI (its header says so) and
 * never on sign-up, login or logout: a stale cookie there would turn the request into a 401.
 */
final class HeaderOrSessionCookie implements BearerTokenResolver {

    private static final Set<String> SIGN_IN_OR_OUT = Set.of("/api/auth/signup", "/api/auth/login", "/api/auth/logout");

    private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String bearer = header.resolve(request);
        if (bearer != null || request.getHeader(SessionCookie.CLIENT_HEADER) == null || request.getCookies() == null
                || SIGN_IN_OR_OUT.contains(request.getRequestURI())) {
            return bearer;
        }
        return Arrays.stream(request.getCookies())
                .filter(cookie -> cookie.getName().equals(SessionCookie.NAME) && !cookie.getValue().isEmpty())
                .map(Cookie::getValue)
                .findFirst()
                .orElse(null);
    }
}
