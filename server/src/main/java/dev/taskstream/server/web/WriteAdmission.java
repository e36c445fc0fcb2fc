package dev.taskstream.server.web;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.TaskstreamException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets a few writes run at once; the others wait for their turn ({@link AdaptiveTurns}), first come first served.
 * With every write running at once, the projections that show them get only a sliver of a saturated machine's cores
 * and of PostgreSQL: a new task took 136-493 ms p99 to show, against 24-87 ms with two at once (WriteBenchmark, 8 and
 * 16 clients, 2 cores). More at once take more writes a second from a saturated machine and show them later (two
 * at once cost up to 40 % of the writes a second at sixteen clients), so the turns follow the task view: they grow
 * while it keeps within {@code taskstream.http.writes.task-view-lag} and shrink when it falls behind.
 *
 * <p>One user cannot fill the line that every user's writes wait in: a user has at most {@code perUser} writes
 * under way, running or waiting, and one more is refused at once. A write that waits longer than {@code patience}
 * gives up, with nothing stored.
 *
 * <p>Meters: {@code taskstream.writes.waiting} (writes in line now), {@code taskstream.writes.at-once} (turns now),
 * {@code taskstream.writes.wait} (each write's time in line) and {@code taskstream.writes.refused} by {@code code}.
 */
final class WriteAdmission {

    /** Closed when the write is done, which lets the next one in. */
    interface Turn extends AutoCloseable {

        @Override
        void close();
    }

    private final AdaptiveTurns turns;
    private final int perUser;
    private final Duration patience;
    /** Each user's writes under way; a user with none has no entry. */
    private final ConcurrentHashMap<UUID, Integer> underWay = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Timer waits;

    WriteAdmission(AdaptiveTurns turns, int perUser, Duration patience, MeterRegistry meters) {
        if (perUser < 1) {
            throw new IllegalArgumentException("Writes per user (" + perUser + ") must be at least 1: see"
                    + " taskstream.http.writes");
        }
        this.turns = turns;
        this.perUser = perUser;
        this.patience = patience;
        this.meters = meters;
        this.waits = Timer.builder("taskstream.writes.wait").description("A write's time in line for its turn")
                .register(meters);
        Gauge.builder("taskstream.writes.waiting", turns, AdaptiveTurns::waiting).register(meters);
        Gauge.builder("taskstream.writes.at-once", turns, AdaptiveTurns::limit)
                .description("Writes allowed to run at once now").register(meters);
    }

    /**
     * Waits for the write's turn.
     *
     * @throws TaskstreamException {@link ErrorCode#TOO_MANY_WRITES} at once if the user has {@code perUser} writes
     *                             under way, {@link ErrorCode#SERVER_BUSY} if the turn did not come within
     *                             {@code patience}
     */
    Turn admit(UUID user) throws InterruptedException {
        if (!join(user)) {
            throw refused(ErrorCode.TOO_MANY_WRITES, "You have " + perUser + " writes under way, as many as the server"
                    + " takes from one user; send this one when one is done.");
        }
        boolean admitted = false;
        long started = System.nanoTime();
        try {
            admitted = turns.tryAcquire(patience);
        } finally {
            waits.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            if (!admitted) {
                leave(user);
            }
        }
        if (!admitted) {
            throw refused(ErrorCode.SERVER_BUSY, "The server is too busy to take this write now; nothing was stored."
                    + " Send it again in a moment.");
        }
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            // A second close must not let in one write more than there are turns.
            if (done.compareAndSet(false, true)) {
                turns.release();
                leave(user);
            }
        };
    }

    private TaskstreamException refused(ErrorCode code, String detail) {
        meters.counter("taskstream.writes.refused", "code", code.name()).increment();
        return new TaskstreamException(code, null, detail);
    }

    private boolean join(UUID user) {
        boolean[] joined = {false};
        underWay.compute(user, (id, count) -> {
            int current = count == null ? 0 : count;
            if (current == perUser) {
                return count;
            }
            joined[0] = true;
            return current + 1;
        });
        return joined[0];
    }

    private void leave(UUID user) {
        underWay.computeIfPresent(user, (id, count) -> count == 1 ? null : count - 1);
    }
}
