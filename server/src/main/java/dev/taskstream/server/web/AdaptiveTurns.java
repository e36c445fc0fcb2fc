package dev.taskstream.server.web;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The turns writes run in: between {@code least} and {@code most} at once, as many as keep the task view within
 * {@code lagTarget} of the writes. Every tenth of a second it takes the oldest event the task view has shown since:
 * older than {@code lagTarget}, a quarter of the turns go; younger, and with writes waiting, there is one more.
 * Without a task view in this process (the command role alone) nothing tells what writes cost the reads, and waiting
 * writes get turns up to {@code most}. First come, first served.
 */
final class AdaptiveTurns {

    static final long ADJUST_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** How far the reads are behind the writes. */
    interface ReadLag {

        /** The oldest change shown since the last call, as its age then; empty if none was. */
        Optional<Duration> takeWorst();
    }

    private final Turns turns;
    private final int least;
    private final int most;
    private final Duration lagTarget;
    /** Absent without a task view in this process. */
    private final Optional<ReadLag> taskViewLag;
    private final LongSupplier nanoClock;
    private volatile long nextAdjust;
    /** Guarded by {@code this}. */
    private int limit;

    AdaptiveTurns(int least, int most, Duration lagTarget, Optional<ReadLag> taskViewLag,
                  LongSupplier nanoClock) {
        if (least < 1 || most < least) {
            throw new IllegalArgumentException("Writes at once must be at least 1, and the most (" + most
                    + ") no fewer than the least (" + least + "): see taskstream.http.writes");
        }
        this.turns = new Turns(least);
        this.least = least;
        this.most = most;
        this.lagTarget = lagTarget;
        this.taskViewLag = taskViewLag;
        this.nanoClock = nanoClock;
        this.limit = least;
        this.nextAdjust = nanoClock.getAsLong() + ADJUST_EVERY_NANOS;
    }

    boolean tryAcquire(Duration patience) throws InterruptedException {
        adjustIfDue();
        return turns.tryAcquire(patience.toNanos(), TimeUnit.NANOSECONDS);
    }

    void release() {
        turns.release();
    }

    /** Writes allowed at once now. */
    synchronized int limit() {
        return limit;
    }

    /** Writes waiting for a turn now (an estimate, as the JDK gives it). */
    int waiting() {
        return turns.getQueueLength();
    }

    /** Adjusts the turns if the last time was a tenth of a second ago; every write arriving calls it. */
    void adjustIfDue() {
        long now = nanoClock.getAsLong();
        if (now - nextAdjust < 0) {
            return;
        }
        synchronized (this) {
            if (now - nextAdjust < 0) {
                return;
            }
            // Lag the task view showed before a quiet spell (the last write long ago) says nothing about now.
            boolean recent = now - nextAdjust <= ADJUST_EVERY_NANOS;
            nextAdjust = now + ADJUST_EVERY_NANOS;
            adjust(recent);
        }
    }

    private void adjust(boolean recent) {
        Optional<Duration> lag = taskViewLag.flatMap(ReadLag::takeWorst).filter(taken -> recent);
        if (lag.isPresent() && lag.get().compareTo(lagTarget) > 0) {
            resize(Math.max(least, limit - Math.max(1, limit / 4)));
        } else if (turns.hasQueuedThreads() && (lag.isPresent() || taskViewLag.isEmpty())) {
            resize(Math.min(most, limit + 1));
        }
    }

    private void resize(int newLimit) {
        if (newLimit > limit) {
            turns.release(newLimit - limit);
        } else if (newLimit < limit) {
            // Writes running keep their turns; the next ones wait until fewer than the new limit run.
            turns.reducePermits(limit - newLimit);
        }
        limit = newLimit;
    }

    /** A fair semaphore whose permits can be taken away while they are held. */
    private static final class Turns extends Semaphore {

        Turns(int permits) {
            super(permits, true);
        }

        @Override
        protected void reducePermits(int reduction) {
            super.reducePermits(reduction);
        }
    }
}
