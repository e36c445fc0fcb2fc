package dev.taskstream.server.dapr;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The endpoints only a Dapr sidecar may call ({@code /internal/commands}, {@code /job/{name}}) answer 404 to anyone
 * else, before their body is read. The sidecar proves itself with Dapr's app API token, which it sends as
 * {@value #HEADER} on every call into the app when it is given {@code APP_API_TOKEN}; with no token configured
 * nobody gets in, so a monolith exposes no internal endpoint.
 */
@Configuration(proxyBeanMethods = false)
class SidecarOnly implements WebMvcConfigurer {

    static final String HEADER = "dapr-api-token";

    private final byte[] token;

    SidecarOnly(@Value("${taskstream.dapr.app-api-token:}") String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (admits(request.getHeader(HEADER))) {
                    return true;
                }
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                return false;
            }
        }).addPathPatterns("/internal/**", "/job/**");
    }

    /** Compared in constant time, so the token cannot be guessed byte by byte. */
    private boolean admits(String presented) {
        return token.length > 0 && presented != null
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }
}
