package dev.taskstream.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskstream.api.ErrorCode;
import dev.taskstream.server.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Spring Security's 401 and 403 with the RFC 9457 body every other refusal has. Spring's bearer-token handlers still
 * set the status and the {@code WWW-Authenticate} header (RFC 6750); the body is ours.
 */
final class ProblemRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint entryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
    private final ObjectMapper json;

    ProblemRefusals(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        entryPoint.commence(request, response, e);
        ProblemResponses.write(response, json, ErrorCode.UNAUTHENTICATED,
                "Log in first: this needs a valid token (Authorization: Bearer …) or the web UI's session.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        denied.handle(request, response, e);
        ProblemResponses.write(response, json, ErrorCode.FORBIDDEN,
                "Only administrators (TASKSTREAM_ADMIN_EMAILS) may use " + request.getRequestURI() + ".");
    }
}
