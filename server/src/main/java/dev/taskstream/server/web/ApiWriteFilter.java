package dev.taskstream.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter for authenticated writes to the API, which runs after Spring Security and so knows whose write it is.
 * Reads, and writes without a token (sign-up, login), pass by.
 */
abstract class ApiWriteFilter extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            filterWrite(request, response, chain, UUID.fromString(token.getToken().getSubject()));
        } else {
            chain.doFilter(request, response);
        }
    }

    protected abstract void filterWrite(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                        UUID writer) throws ServletException, IOException;
}
