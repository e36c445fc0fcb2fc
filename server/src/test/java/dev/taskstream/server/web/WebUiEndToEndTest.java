package dev.taskstream.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.server.support.ServerTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Runs the browser tests ({@code ui/e2e/run.mjs}: Debian's Chromium driven by playwright-core, axe-core on every main
 * screen) against this server, so they are part of {@code ./mvnw verify}. Screenshots go to
 * {@code server/target/e2e-screenshots}; {@code -De2e.screenshots=../docs/screenshots} refreshes the README's.
 */
@ServerTest
class WebUiEndToEndTest {

    private static final Path UI = Path.of("..", "ui");

    @LocalServerPort
    int port;

    @Test
    void aPersonCanDoEverythingInTheBrowser() throws Exception {
        String screenshots = System.getProperty("e2e.screenshots", Path.of("target", "e2e-screenshots").toAbsolutePath().toString());
        Process e2e = new ProcessBuilder("node", "e2e/run.mjs", "--base-url", "http://localhost:" + port,
                "--screenshots", Path.of(screenshots).toAbsolutePath().toString())
                .directory(UI.toFile())
                .redirectErrorStream(true)
                .start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(e2e.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().forEach(line -> {
                System.out.println(line);
                output.append(line).append('\n');
            });
        }
        boolean ended = e2e.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            e2e.destroyForcibly();
        }
        assertThat(ended && e2e.exitValue() == 0).as(output.toString()).isTrue();
        assertThat(output).contains("e2e: all passed");
    }
}
