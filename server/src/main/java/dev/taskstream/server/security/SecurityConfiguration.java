package dev.taskstream.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskstream.server.admin.AdminAccess;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every {@code /api/**} request, and the MCP endpoint's, needs a valid token, except sign-up, login, logout and the stream's
 * handshake (a single-use ticket). The admin API and actuator's endpoints other than health and info are for admins:
 * metrics tell anyone who reads them how busy the server is and when. Everything else (the web UI's files, the
 * OpenAPI document, health) is public. The token comes as a bearer header, or from the web UI's
 * session cookie ({@link SessionCookie} says why that is safe without CSRF tokens). Server sessions are off.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, AdminAccess admins, ObjectMapper json) throws Exception {
        ProblemRefusals refusals = new ProblemRefusals(json);
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/auth/signup", "/api/auth/login", "/api/auth/logout").permitAll()
                        .requestMatchers("/api/admin/**").access(admins)
                        .requestMatchers(EndpointRequest.toAnyEndpoint()
                                .excluding(HealthEndpoint.class, InfoEndpoint.class)).access(admins)
                        // The stream's handshake authenticates with a single-use ticket (browsers cannot set headers).
                        .requestMatchers(HttpMethod.GET, "/api/stream").permitAll()
                        .requestMatchers("/api/**", "/mcp").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> { }).bearerTokenResolver(new HeaderOrSessionCookie())
                        .authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .exceptionHandling(refused -> refused.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** Hashes carry their algorithm ({@code {bcrypt}…}), so a stronger one can be introduced later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
