package dev.taskstream.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.server.TaskstreamApplication;
import dev.taskstream.server.support.ApiClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How fast the stream delivers, and what idle streams cost. The server runs in a process of its own (so its heap
 * and threads are its own); N WebSocket clients of one user listen while a writer changes a task over HTTP, one
 * write at a time. Latency is from the write's HTTP response to the message's arrival, on every client; the
 * write's own HTTP round trip, timed in the same run, is the baseline. Then 10,000 idle streams are opened and the
 * server's heap after a full GC and its thread count are compared with before.
 * Run with {@code ./mvnw -Pbench verify -pl server -am -Dtest=StreamBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * not part of the normal suite.
 */
class StreamBenchmark {

    /** {@code -Dbench.clients=1,100} to run fewer; empty for the idle measurement alone. */
    private static final int[] CLIENTS = Arrays.stream(System.getProperty("bench.clients", "1,100,1000").split(","))
            .filter(count -> !count.isBlank()).mapToInt(Integer::parseInt).toArray();
    private static final int WARM_UP = 100;
    private static final int WRITES = Integer.getInteger("bench.writes", 300);
    private static final int IDLE = Integer.getInteger("bench.idle", 10_000);
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path home;

    @Test
    void streamLatencyAndIdleConnections() throws Exception {
        int port = freePort();
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("bench.serverHeap", "1g"), "-cp", System.getProperty("java.class.path"),
                TaskstreamApplication.class.getName(),
                "--server.port=" + port, "--taskstream.embedded-db.dir=" + home.resolve("pgdata"))
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("server.log").toFile())
                .start();
        try {
            awaitUp(port);
            ApiClient writer = ApiClient.newUser(port);
            String task = writer.post("/api/tasks", "{\"title\":\"bench\"}").text("id");
            long[] version = {0};
            System.out.printf("%n%-10s %22s %22s %22s %10s%n", "clients", "HTTP write p50/p99 ms",
                    "receipt p50/p99 ms", "last client p50/p99", "p99 ratio");
            for (int clients : CLIENTS) {
                measure(port, writer, task, version, clients);
            }
            idleCost(port, writer, server.pid());
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void measure(int port, ApiClient writer, String task, long[] version, int clients) throws Exception {
        int total = WARM_UP + WRITES;
        long firstVersion = version[0] + 1;
        AtomicReferenceArray<CountDownLatch> received = new AtomicReferenceArray<>(total);
        long[][] arrivals = new long[clients][total];
        for (int i = 0; i < total; i++) {
            received.set(i, new CountDownLatch(clients));
        }
        List<WebSocket> sockets = open(port, writer, clients, c -> message -> {
            Matcher matcher = VERSION.matcher(message);
            if (matcher.find()) {
                int index = (int) (Long.parseLong(matcher.group(1)) - firstVersion);
                if (index >= 0 && index < total) {
                    arrivals[c][index] = System.nanoTime();
                    received.get(index).countDown();
                }
            }
        });
        double[] http = new double[WRITES];
        double[] receipt = new double[WRITES * clients];
        double[] lastClient = new double[WRITES];
        for (int i = 0; i < total; i++) {
            long start = System.nanoTime();
            writer.patch("/api/tasks/" + task, "{\"title\":\"write " + i + "\"}");
            long answered = System.nanoTime();
            assertThat(received.get(i).await(30, TimeUnit.SECONDS)).as("every client got write " + i).isTrue();
            if (i >= WARM_UP) {
                int sample = i - WARM_UP;
                http[sample] = millis(answered - start);
                double last = 0;
                for (int c = 0; c < clients; c++) {
                    // A message may arrive before the writer has read its own HTTP answer: that counts as 0.
                    double latency = Math.max(0, millis(arrivals[c][i] - answered));
                    receipt[sample * clients + c] = latency;
                    last = Math.max(last, latency);
                }
                lastClient[sample] = last;
            }
        }
        version[0] += total;
        sockets.forEach(WebSocket::abort);
        Arrays.sort(http);
        Arrays.sort(receipt);
        Arrays.sort(lastClient);
        System.out.printf("%-10d %10.1f / %-9.1f %10.1f / %-9.1f %10.1f / %-9.1f %10.2f%n", clients,
                percentile(http, 50), percentile(http, 99), percentile(receipt, 50), percentile(receipt, 99),
                percentile(lastClient, 50), percentile(lastClient, 99), percentile(receipt, 99) / percentile(http, 99));
    }

    private void idleCost(int port, ApiClient user, long serverPid) throws Exception {
        long heapBefore = heapAfterGc(serverPid);
        long threadsBefore = threads(serverPid);
        long started = System.nanoTime();
        List<WebSocket> sockets = open(port, user, IDLE, c -> message -> { });
        double openSeconds = (System.nanoTime() - started) / 1e9;
        Thread.sleep(2_000);
        long heapAfter = heapAfterGc(serverPid);
        long threadsAfter = threads(serverPid);
        System.out.printf("%n%,d idle streams opened in %.1f s; server heap after full GC %,d -> %,d KiB "
                        + "(%.1f KiB per stream); server threads %d -> %d%n", IDLE, openSeconds, heapBefore / 1024,
                heapAfter / 1024, (heapAfter - heapBefore) / 1024.0 / IDLE, threadsBefore, threadsAfter);
        System.out.println("Largest classes on the server's heap with the idle streams open:");
        jcmd(serverPid, "GC.class_histogram").lines().limit(16).forEach(System.out::println);
        sockets.forEach(WebSocket::abort);
    }

    /** Opens {@code count} streams for the user, 16 at a time (ticket, then handshake); each gets its own listener. */
    private static List<WebSocket> open(int port, ApiClient user, int count, ListenerFactory listeners)
            throws Exception {
        ExecutorService openers = Executors.newFixedThreadPool(16);
        try {
            List<Future<WebSocket>> opening = new ArrayList<>();
            for (int c = 0; c < count; c++) {
                int client = c;
                opening.add(openers.submit(() -> HTTP.newWebSocketBuilder()
                        .buildAsync(URI.create("ws://localhost:" + port + "/api/stream?ticket="
                                + user.post("/api/stream/ticket").text("ticket")), new Listener(listeners.forClient(client)))
                        .get(60, TimeUnit.SECONDS)));
            }
            List<WebSocket> sockets = new ArrayList<>();
            for (Future<WebSocket> socket : opening) {
                sockets.add(socket.get());
            }
            return sockets;
        } finally {
            openers.shutdown();
        }
    }

    interface ListenerFactory {
        Consumer<String> forClient(int client);
    }

    private static final class Listener implements WebSocket.Listener {

        private final Consumer<String> onMessage;
        private final StringBuilder partial = new StringBuilder();

        Listener(Consumer<String> onMessage) {
            this.onMessage = onMessage;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                onMessage.accept(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }

    private static long heapAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
        assertThat(used.find()).as(info).isTrue();
        return Long.parseLong(used.group(1)) * 1024;
    }

    private static long threads(long pid) throws IOException, InterruptedException {
        return jcmd(pid, "Thread.print").lines().filter(line -> line.startsWith("\"")).count();
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    private static void awaitUp(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (ApiClient.anonymous(port).get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("The server did not start within 5 minutes");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static double percentile(double[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
