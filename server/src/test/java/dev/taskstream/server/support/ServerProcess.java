package dev.taskstream.server.support;

import dev.taskstream.server.TaskstreamApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Taskstream in a JVM of its own, as {@code java -jar} runs it (same main class, the test's classpath, the
 * environment a user sets), so a test can {@code kill -9} it. Its output goes to a file in the test's directory.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Duration START_BOUND = Duration.ofMinutes(3);

    private final Process process;
    private final Path output;

    private ServerProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts one on {@code home} (as {@code TASKSTREAM_HOME}) and any free HTTP port. */
    public static ServerProcess start(Path home, Path output) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), TaskstreamApplication.class.getName(),
                "--server.port=0")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TASKSTREAM_"));
        builder.environment().put("TASKSTREAM_HOME", home.toString());
        try {
            return new ServerProcess(builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until it serves HTTP, or until it exits: empty then. */
    public OptionalInt awaitPort() throws InterruptedException {
        long deadline = System.nanoTime() + START_BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher started = STARTED.matcher(output());
            if (started.find()) {
                return OptionalInt.of(Integer.parseInt(started.group(1)));
            }
            if (!process.isAlive()) {
                return OptionalInt.empty();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Not started within " + START_BOUND + ":\n" + output());
    }

    /** The exit code, once it has exited by itself within {@code bound}. */
    public Optional<Integer> awaitExit(Duration bound) throws InterruptedException {
        return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)
                ? Optional.of(process.exitValue()) : Optional.empty();
    }

    /** SIGKILL: no shutdown hook runs, as after {@code kill -9} or an out-of-memory kill. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> outputLines() {
        return output().lines().toList();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }
}
