package dev.taskstream.server.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running on our data directory by a Taskstream that died without stopping it
 * ({@code kill -9}, an out-of-memory kill): its child outlives it and keeps {@code postmaster.pid}, so the next
 * start would fail. Called only while holding the {@link DataDirectoryLock}, so no live Taskstream owns it.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    /** A smart shutdown writes a checkpoint; its clients died with the old Taskstream, so it ends in about a second. */
    private static final long STOP_WAIT_SECONDS = 60;

    private StalePostmaster() {
    }

    static void stopIfRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).strip());
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return; // PostgreSQL itself replaces the file of a dead server
        }
        Optional<String> command = process.get().info().command();
        if (command.isPresent() && !Path.of(command.get()).getFileName().toString().startsWith("postgres")) {
            // The pid now belongs to an unrelated program, which PostgreSQL would take for a live server.
            log.warn("DATABASE: removing {}: its pid {} now belongs to {}", pidFile, pid, command.get());
            Files.delete(pidFile);
            return;
        }
        if (!serves(process.get(), dataDirectory)) {
            return; // cannot tell (another user's process): leave it to PostgreSQL's own check
        }
        log.warn("DATABASE: stopping the embedded PostgreSQL (pid {}) left running by a Taskstream that did not "
                + "shut down", pid);
        stop(process.get());
    }

    /** Its command line names this data directory: a pid reused by another cluster's server is left alone. */
    private static boolean serves(ProcessHandle process, Path dataDirectory) {
        String directory = dataDirectory.toString();
        return process.info().arguments()
                .map(arguments -> List.of(arguments).contains(directory))
                .orElse(false);
    }

    private static void stop(ProcessHandle process) throws IOException {
        process.destroy(); // SIGTERM: a smart shutdown, which completes the checkpoint
        try {
            process.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("DATABASE: pid {} did not stop within {} s; killing it (the start will run crash recovery)",
                    process.pid(), STOP_WAIT_SECONDS);
            process.destroyForcibly();
            process.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping pid " + process.pid(), e);
        } catch (ExecutionException e) {
            throw new IOException("could not wait for pid " + process.pid(), e);
        }
    }
}
