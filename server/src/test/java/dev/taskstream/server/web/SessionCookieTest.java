package dev.taskstream.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.server.support.ServerTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The web UI's session: an HttpOnly cookie, accepted only with the UI's header, cleared at logout. */
@ServerTest
class SessionCookieTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CLIENT = "X-Taskstream-Client";

    @LocalServerPort
    int port;

    @Test
    void loginSetsAnHttpOnlyStrictCookieThatAuthenticatesTheUi() throws Exception {
        String email = "cookie-" + UUID.randomUUID() + "@example.org";
        HttpResponse<String> signup = post("/api/auth/signup", credentials(email), null);
        String setCookie = signup.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("taskstream_session=").contains("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> session = get("/api/auth/session", cookie, true);
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.body()).contains("\"email\":\"" + email + "\"");
        assertThat(get("/api/tasks", cookie, true).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutTheUisHeaderTheCookieIsNotEnough() throws Exception {
        String cookie = sessionCookie();
        assertThat(get("/api/tasks", cookie, false).statusCode())
                .as("a cross-site form or image cannot add the header, so it cannot ride on the cookie")
                .isEqualTo(401);
        HttpResponse<String> forged = send(HttpRequest.newBuilder(uri("/api/tasks"))
                .header("Cookie", cookie).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"title\":\"forged\"}")).build());
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void aStaleCookieDoesNotStopALogin() throws Exception {
        String email = "stale-" + UUID.randomUUID() + "@example.org";
        post("/api/auth/signup", credentials(email), null);
        HttpResponse<String> login = post("/api/auth/login", credentials(email), "taskstream_session=expired.or.forged");
        assertThat(login.statusCode()).isEqualTo(200);
    }

    @Test
    void logoutClearsTheCookie() throws Exception {
        HttpResponse<String> logout = post("/api/auth/logout", "", sessionCookie());
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.headers().firstValue("Set-Cookie")).hasValueSatisfying(cleared ->
                assertThat(cleared).startsWith("taskstream_session=;").contains("Max-Age=0"));
    }

    private String sessionCookie() throws Exception {
        String setCookie = post("/api/auth/signup", credentials("c-" + UUID.randomUUID() + "@example.org"), null)
                .headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String credentials(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"correct horse battery staple\"}";
    }

    private HttpResponse<String> get(String path, String cookie, boolean fromUi) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Cookie", cookie);
        return send((fromUi ? request.header(CLIENT, "web") : request).GET().build());
    }

    private HttpResponse<String> post(String path, String body, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header(CLIENT, "web");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.POST(BodyPublishers.ofString(body)).build());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, BodyHandlers.ofString());
    }
}
