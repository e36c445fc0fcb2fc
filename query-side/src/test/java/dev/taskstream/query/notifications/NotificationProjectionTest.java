package dev.taskstream.query.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.api.ReminderId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.notifications.NotificationView;
import dev.taskstream.api.tasks.ReminderFired;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.Test;

/** A firing reaches the channels once: not again when handled twice, and never during a replay. */
class NotificationProjectionTest {

    private static final UserId OWNER = new UserId(UUID.randomUUID());

    private final Set<UUID> stored = new HashSet<>();
    private final List<UUID> delivered = new ArrayList<>();
    private final NotificationProjection projection = new NotificationProjection(
            new NotificationRepository(null) {
                @Override
                boolean insert(UserId owner, NotificationView notification) {
                    return stored.add(notification.id());
                }
            },
            List.of((owner, notification) -> delivered.add(notification.id())));

    @Test
    void aFiringHandledTwiceIsStoredAndDeliveredOnce() {
        ReminderFired fired = fired();

        projection.on(fired, ReplayStatus.REGULAR);
        projection.on(fired, ReplayStatus.REGULAR);

        assertThat(stored).containsExactly(fired.firingId());
        assertThat(delivered).containsExactly(fired.firingId());
    }

    @Test
    void aReplayStoresWhatIsMissingButDeliversNothing() {
        ReminderFired fired = fired();

        projection.on(fired, ReplayStatus.REPLAY);

        assertThat(stored).containsExactly(fired.firingId());
        assertThat(delivered).isEmpty();
    }

    @Test
    void aFailingChannelDoesNotStopTheOthers() {
        List<UUID> reached = new ArrayList<>();
        NotificationProjection withFailure = new NotificationProjection(new NotificationRepository(null) {
            @Override
            boolean insert(UserId owner, NotificationView notification) {
                return true;
            }
        }, List.of((owner, notification) -> {
            throw new IllegalStateException("stream closed");
        }, (owner, notification) -> reached.add(notification.id())));
        ReminderFired fired = fired();

        withFailure.on(fired, ReplayStatus.REGULAR);

        assertThat(reached).containsExactly(fired.firingId());
    }

    private static ReminderFired fired() {
        TaskId task = TaskId.random();
        return new ReminderFired(task, OWNER, ReminderId.nth(task, 1), UUID.randomUUID(), "Call",
                Instant.parse("2026-03-02T08:30:00Z"), null);
    }
}
