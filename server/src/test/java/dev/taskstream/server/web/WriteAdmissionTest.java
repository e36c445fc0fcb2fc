package dev.taskstream.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.TaskstreamException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Turns for writes, as many as there are ({@link AdaptiveTurnsTest} has how many), with real threads waiting. */
class WriteAdmissionTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private WriteAdmission admission(int atOnce, int perUser, Duration patience) {
        AdaptiveTurns fixed = new AdaptiveTurns(atOnce, atOnce, LONG, Optional.empty(), System::nanoTime);
        return new WriteAdmission(fixed, perUser, patience, meters);
    }

    @Test
    void aWriteWaitsUntilOneUnderWayIsDone() throws Exception {
        WriteAdmission admission = admission(1, 8, LONG);
        WriteAdmission.Turn first = admission.admit(alice);

        CompletableFuture<WriteAdmission.Turn> waiting = CompletableFuture.supplyAsync(() -> admitted(admission, bob));
        assertThatThrownBy(() -> waiting.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

        first.close();
        waiting.get(5, TimeUnit.SECONDS).close();
    }

    @Test
    void aUserWithAllTheirWritesUnderWayIsRefusedAtOnceWhileOthersGoOn() throws Exception {
        WriteAdmission admission = admission(4, 2, LONG);
        admission.admit(alice);
        admission.admit(alice);

        long started = System.nanoTime();
        assertRefused(() -> admission.admit(alice), ErrorCode.TOO_MANY_WRITES);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        admission.admit(bob).close();
    }

    @Test
    void waitingCountsAsUnderWay() throws Exception {
        WriteAdmission admission = admission(1, 1, LONG);
        WriteAdmission.Turn bobs = admission.admit(bob);
        CompletableFuture<WriteAdmission.Turn> alicesFirst =
                CompletableFuture.supplyAsync(() -> admitted(admission, alice));
        assertThatThrownBy(() -> alicesFirst.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

        assertThat(meters.get("taskstream.writes.waiting").gauge().value()).isEqualTo(1);
        assertRefused(() -> admission.admit(alice), ErrorCode.TOO_MANY_WRITES);
        bobs.close();
        alicesFirst.get(5, TimeUnit.SECONDS).close();
    }

    @Test
    void aWriteThatWaitsPastItsPatienceGivesUpAndHoldsNothing() throws Exception {
        WriteAdmission admission = admission(1, 1, Duration.ofMillis(100));
        WriteAdmission.Turn alices = admission.admit(alice);

        assertRefused(() -> admission.admit(bob), ErrorCode.SERVER_BUSY);

        alices.close();
        admission.admit(bob).close();
        admission.admit(bob).close();
    }

    @Test
    void aClosedTurnLetsItsUserWriteAgain() throws Exception {
        WriteAdmission admission = admission(1, 1, Duration.ofMillis(100));
        for (int i = 0; i < 3; i++) {
            admission.admit(alice).close();
        }
        admission.admit(bob).close();
    }

    @Test
    void aTurnClosedTwiceIsGivenBackOnce() throws Exception {
        WriteAdmission admission = admission(1, 8, Duration.ofMillis(100));
        WriteAdmission.Turn alices = admission.admit(alice);
        alices.close();
        alices.close();

        WriteAdmission.Turn bobs = admission.admit(bob);
        assertRefused(() -> admission.admit(alice), ErrorCode.SERVER_BUSY);
        bobs.close();
    }

    @Test
    void noTurnsAtAllIsAMistakeInTheSettings() {
        assertThatThrownBy(() -> admission(0, 8, LONG)).hasMessageContaining("taskstream.http.writes");
        assertThatThrownBy(() -> admission(2, 0, LONG)).hasMessageContaining("taskstream.http.writes");
    }

    private static WriteAdmission.Turn admitted(WriteAdmission admission, UUID user) {
        try {
            return admission.admit(user);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refused with {@code code}, and counted once more under it. */
    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable admit, ErrorCode code) {
        double before = refusals(code);
        assertThatThrownBy(admit).isInstanceOfSatisfying(TaskstreamException.class,
                refused -> assertThat(refused.code()).isEqualTo(code));
        assertThat(refusals(code)).isEqualTo(before + 1);
    }

    private double refusals(ErrorCode code) {
        return meters.counter("taskstream.writes.refused", "code", code.name()).count();
    }
}
