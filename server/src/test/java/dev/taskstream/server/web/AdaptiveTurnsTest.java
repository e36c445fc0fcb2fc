package dev.taskstream.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How many writes run at once follows the task view's lag, with real threads waiting for turns and a clock the test
 * moves on.
 */
class AdaptiveTurnsTest {

    private static final Duration LAG_TARGET = Duration.ofMillis(25);
    private static final Duration KEEPING_UP = Duration.ofMillis(5);
    private static final Duration FALLING_BEHIND = Duration.ofMillis(200);

    private final AtomicLong now = new AtomicLong();
    /** What the task view reports at each adjustment; nothing shown when it runs out. */
    private final Deque<Duration> lags = new ArrayDeque<>();
    private final AtomicInteger running = new AtomicInteger();
    private final ExecutorService writers = Executors.newCachedThreadPool();

    @AfterEach
    void stopWriters() {
        writers.shutdownNow();
    }

    @Test
    void whileTheTaskViewKeepsUpWaitingWritesGetOneMoreTurnEachTenthOfASecondUpToTheMost() {
        AdaptiveTurns turns = turns(2, 4);
        arriving(turns, 6);

        tick(turns, KEEPING_UP);
        await().until(() -> running.get() == 3);
        turns.adjustIfDue();
        assertThat(turns.limit()).as("before a tenth of a second has passed").isEqualTo(3);

        tick(turns, KEEPING_UP);
        tick(turns, KEEPING_UP);
        await().until(() -> running.get() == 4);
        assertThat(turns.limit()).isEqualTo(4);
        assertThat(turns.waiting()).isEqualTo(2);
    }

    @Test
    void whenTheTaskViewFallsBehindAQuarterOfTheTurnsGoDownToTheLeast() throws Exception {
        AdaptiveTurns turns = turns(2, 8);
        arriving(turns, 10);
        for (int i = 0; i < 6; i++) {
            tick(turns, KEEPING_UP);
        }
        await().until(() -> running.get() == 8);

        tick(turns, FALLING_BEHIND);
        assertThat(turns.limit()).isEqualTo(6);
        // Writes under way keep their turns; the next ones wait until fewer than six run.
        finish(turns, 3);
        await().until(() -> running.get() == 6);
        assertThat(turns.waiting()).isEqualTo(1);

        for (int i = 0; i < 5; i++) {
            tick(turns, FALLING_BEHIND);
        }
        assertThat(turns.limit()).isEqualTo(2);
    }

    @Test
    void lagShownBeforeAQuietSpellDoesNotCount() {
        AdaptiveTurns turns = turns(2, 8);
        arriving(turns, 4);
        tick(turns, KEEPING_UP);
        await().until(() -> running.get() == 3);

        now.addAndGet(TimeUnit.SECONDS.toNanos(10));
        lags.add(FALLING_BEHIND);
        turns.adjustIfDue();
        assertThat(turns.limit()).isEqualTo(3);

        tick(turns, FALLING_BEHIND);
        assertThat(turns.limit()).isEqualTo(2);
    }

    @Test
    void withoutWritesWaitingTheTurnsStayAsTheyAre() throws Exception {
        AdaptiveTurns turns = turns(2, 8);
        assertThat(turns.tryAcquire(Duration.ZERO)).isTrue();

        tick(turns, KEEPING_UP);
        assertThat(turns.limit()).isEqualTo(2);
    }

    @Test
    void whenTheTaskViewShowedNothingTheTurnsStayAsTheyAre() {
        AdaptiveTurns turns = turns(2, 8);
        arriving(turns, 3);

        now.addAndGet(AdaptiveTurns.ADJUST_EVERY_NANOS);
        turns.adjustIfDue();
        assertThat(turns.limit()).isEqualTo(2);
    }

    @Test
    void withoutATaskViewInTheProcessWaitingWritesGetTurnsUpToTheMost() {
        AdaptiveTurns turns = new AdaptiveTurns(1, 3, LAG_TARGET, Optional.empty(), now::get);
        arriving(turns, 5);
        for (int i = 0; i < 4; i++) {
            now.addAndGet(AdaptiveTurns.ADJUST_EVERY_NANOS);
            turns.adjustIfDue();
        }
        await().until(() -> running.get() == 3);
        assertThat(turns.limit()).isEqualTo(3);
    }

    @Test
    void fewerThanOneTurnOrAMostBelowTheLeastIsAMistakeInTheSettings() {
        assertThatThrownBy(() -> turns(0, 4)).hasMessageContaining("taskstream.http.writes");
        assertThatThrownBy(() -> turns(4, 2)).hasMessageContaining("taskstream.http.writes");
    }

    private AdaptiveTurns turns(int least, int most) {
        return new AdaptiveTurns(least, most, LAG_TARGET, Optional.of(() -> Optional.ofNullable(lags.poll())),
                now::get);
    }

    /** A tenth of a second on, in which the task view showed changes {@code lag} old. */
    private void tick(AdaptiveTurns turns, Duration lag) {
        now.addAndGet(AdaptiveTurns.ADJUST_EVERY_NANOS);
        lags.add(lag);
        turns.adjustIfDue();
    }

    /**
     * Writes that take a turn and keep it until {@link #finish}; returns once each runs or is in line, so that the
     * clock moves on only for writes that are there.
     */
    private void arriving(AdaptiveTurns turns, int count) {
        int before = running.get() + turns.waiting();
        for (int i = 0; i < count; i++) {
            writers.submit(() -> {
                if (turns.tryAcquire(Duration.ofMinutes(1))) {
                    running.incrementAndGet();
                }
                return null;
            });
        }
        await().until(() -> running.get() + turns.waiting() == before + count);
    }

    private void finish(AdaptiveTurns turns, int count) {
        for (int i = 0; i < count; i++) {
            running.decrementAndGet();
            turns.release();
        }
    }
}
