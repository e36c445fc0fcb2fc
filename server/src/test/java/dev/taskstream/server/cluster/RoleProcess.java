package dev.taskstream.server.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One role of Taskstream as its own JVM, started from the packaged jar as a deployment would start it. */
final class RoleProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChildProcess process;
    private final int port;

    RoleProcess(String roles, int port, Path jar, Map<String, String> environment, Path logs) {
        this.port = port;
        // Small heaps and the C1 compiler only: four JVMs share a 2-core machine with other builds.
        this.process = new ChildProcess(roles, List.of("-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString(), "--server.port=" + port, "--taskstream.roles=" + roles), environment, logs);
    }

    RoleProcess start() {
        process.start();
        return this;
    }

    RoleProcess awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (!ready()) {
            if (!process.alive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(process.name() + " did not become ready; see " + process.log());
            }
            Thread.sleep(500);
        }
        return this;
    }

    void kill() throws InterruptedException {
        process.kill();
    }

    void stop() throws InterruptedException {
        process.stop();
    }

    int port() {
        return port;
    }

    private boolean ready() throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).build();
            return HTTP.send(request, BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
