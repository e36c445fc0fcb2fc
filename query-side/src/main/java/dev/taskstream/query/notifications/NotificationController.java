package dev.taskstream.query.notifications;

import dev.taskstream.api.NotificationId;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import dev.taskstream.api.notifications.NotificationPage;
import dev.taskstream.api.notifications.NotificationView;
import dev.taskstream.api.notifications.SnoozeRequest;
import dev.taskstream.api.notifications.SnoozeResult;
import dev.taskstream.api.tasks.ReminderRules;
import dev.taskstream.api.tasks.SnoozeReminder;
import dev.taskstream.query.stream.Change;
import dev.taskstream.query.stream.ChangeLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The user's notifications: the list, newest first, and marking them read. Read state is the user's own and lives
 * only here, not in events. Snoozing changes when a reminder fires, so it goes to the task as a command.
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;
    private static final Set<String> PARAMETERS = Set.of("unread", "limit", "cursor");
    private static final String READ = "notification.read";

    private final NotificationRepository notifications;
    private final CommandGateway commands;
    private final ChangeLog changes;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    NotificationController(NotificationRepository notifications, CommandGateway commands, ChangeLog changes,
                           PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.commands = commands;
        this.changes = changes;
        this.transaction = new TransactionTemplate(transactions);
    }

    @GetMapping
    NotificationPage list(@RequestParam Map<String, String> parameters, UserId user) {
        parameters.keySet().stream().filter(name -> !PARAMETERS.contains(name)).findFirst().ifPresent(name -> {
            throw TaskstreamException.invalidField(name, "Unknown parameter '" + name + "'.");
        });
        boolean unread = flag(parameters.get("unread"));
        int limit = limit(parameters.get("limit"));
        String cursor = parameters.get("cursor");
        List<NotificationView> rows = notifications.page(user, unread,
                cursor == null ? null : NotificationCursor.decode(cursor), limit + 1);
        List<NotificationView> items = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit ? NotificationCursor.after(items.get(items.size() - 1)).encode() : null;
        return new NotificationPage(List.copyOf(items), next, notifications.unreadCount(user));
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@PathVariable UUID id, UserId user) {
        if (!markRead(user, id)) {
            throw TaskstreamException.notFound(new NotificationId(id));
        }
        return ResponseEntity.noContent().build();
    }

    /** Read marks reach the user's other devices on the stream, like every other change of theirs. */
    @PostMapping("/read-all")
    ResponseEntity<Void> readAll(UserId user) {
        transaction.executeWithoutResult(status -> {
            if (notifications.markAllRead(user, clock.instant()) > 0) {
                changes.appendNow(new Change(user, READ, Map.of("all", true)));
            }
        });
        return ResponseEntity.noContent().build();
    }

    private boolean markRead(UserId user, UUID id) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            boolean found = notifications.markRead(user, id, clock.instant());
            if (found) {
                changes.appendNow(new Change(user, READ, Map.of("ids", List.of(id))));
            }
            return found;
        }));
    }

    /** The notification fires again after {@code for}, once; snoozing it marks it read. */
    @PostMapping("/{id}/snooze")
    SnoozeResult snooze(@PathVariable UUID id, @RequestBody SnoozeRequest request, UserId user) {
        Duration snooze = ReminderRules.validSnooze(request.duration());
        NotificationView notification = notifications.find(user, id)
                .orElseThrow(() -> TaskstreamException.notFound(new NotificationId(id)));
        Instant until = clock.instant().plus(snooze);
        commands.sendAndWait(new SnoozeReminder(notification.taskId(), user, id, until));
        markRead(user, id);
        return new SnoozeResult(id, until);
    }

    private static boolean flag(String raw) {
        if (raw == null || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        throw TaskstreamException.invalidField("unread", "Give true or false.");
    }

    private static int limit(String raw) {
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below, like any other value out of range
        }
        throw TaskstreamException.invalidField("limit", "Give a whole number from 1 to " + MAX_LIMIT + ".");
    }
}
