package dev.taskstream.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.server.support.ServerTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The jar serves the web UI at / (client routes too), with the right caching, and leaves the server's paths alone. */
@ServerTest
class WebUiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void theUiIsServedAtTheRootAndRevalidatedEachTime() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(page.body()).contains("<div id=\"root\">");
    }

    @Test
    void hashedAssetsAreCachedForAYear() throws Exception {
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(get("/").body());
        assertThat(script.find()).isTrue();
        HttpResponse<String> asset = get(script.group(1));
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
    }

    @Test
    void clientRoutesGetThePage() throws Exception {
        for (String route : new String[] {"/tags", "/series", "/tasks/new", "/tasks/0b6e2f3c-1d2e-4f50-8a9b-0c1d2e3f4a5b", "/signup"}) {
            HttpResponse<String> page = get(route);
            assertThat(page.statusCode()).as(route).isEqualTo(200);
            assertThat(page.body()).as(route).contains("<div id=\"root\">");
        }
    }

    @Test
    void serverPathsAreNeverThePage() throws Exception {
        assertThat(get("/api/nothing-here").statusCode()).isEqualTo(401);
        assertThat(get("/missing.js").statusCode()).isEqualTo(404);
        assertThat(get("/assets/missing-0000.js").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/health").body()).contains("\"UP\"");
        assertThat(get("/.well-known/jwks.json").body()).contains("\"keys\"");
        assertThat(get("/v3/api-docs").body()).contains("\"openapi\":\"3.1");
        HttpResponse<String> swagger = get("/api-docs");
        assertThat(swagger.statusCode()).isEqualTo(302);
        assertThat(swagger.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).contains("/swagger-ui/index.html"));
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), BodyHandlers.ofString());
    }
}
