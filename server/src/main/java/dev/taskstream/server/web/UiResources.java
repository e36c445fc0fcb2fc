package dev.taskstream.server.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the web UI (the {@code ui} module's jar, {@code static/}) at {@code /}. Vite names every bundled file by
 * its content hash, so {@code /assets/**} may be cached for a year; {@code index.html} must be revalidated each
 * time, or a browser would keep loading an old bundle after an upgrade. Any other path without a file extension
 * is a client-side route and gets {@code index.html}; the server's own paths never do, so an unknown API path
 * still answers a 404 problem rather than a page.
 */
@Configuration(proxyBeanMethods = false)
class UiResources implements WebMvcConfigurer {

    private static final String ROOT = "classpath:/static/";
    private static final List<String> SERVER_PATHS = List.of("api/", "actuator/", "v3/", ".well-known/", "swagger-ui/");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(ROOT + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new PathResourceResolver());
        registry.addResourceHandler("/**")
                .addResourceLocations(ROOT)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(true)
                .addResolver(new ClientRoutes());
    }

    /** A file that exists, else {@code index.html} for what looks like a client route. */
    static final class ClientRoutes extends PathResourceResolver {

        @Override
        protected Resource getResource(String path, Resource location) throws IOException {
            Resource file = super.getResource(path, location);
            if (file != null) {
                return file;
            }
            boolean serverPath = SERVER_PATHS.stream().anyMatch(path::startsWith);
            boolean looksLikeFile = path.substring(path.lastIndexOf('/') + 1).contains(".");
            return serverPath || looksLikeFile ? null : super.getResource("index.html", location);
        }
    }
}
