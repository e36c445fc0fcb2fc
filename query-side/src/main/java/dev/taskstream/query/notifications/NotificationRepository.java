package dev.taskstream.query.notifications;

import dev.taskstream.api.ReminderId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.notifications.NotificationView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over {@code notification}. Every read and change is scoped to the owner. */
@Repository
class NotificationRepository {

    private static final String COLUMNS =
            "notification_id, task_id, reminder_id, title, scheduled_at, delivered_at, snooze_of, read_at";

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the notification unless its firing is stored already; true when it was new. */
    boolean insert(UserId owner, NotificationView notification) {
        return jdbc.sql("""
                INSERT INTO notification (notification_id, owner_id, task_id, reminder_id, title, scheduled_at,
                                          delivered_at, snooze_of)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (notification_id) DO NOTHING""")
                .params(notification.id(), owner.value(), notification.taskId().value(),
                        notification.reminderId().value(), notification.title(), micros(notification.scheduledAt()),
                        micros(notification.deliveredAt()), notification.snoozeOf())
                .update() == 1;
    }

    /** One page, newest first, after the cursor's position when one is given. */
    List<NotificationView> page(UserId owner, boolean unreadOnly, NotificationCursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM notification WHERE owner_id = ?");
        List<Object> params = new ArrayList<>(List.of(owner.value()));
        if (unreadOnly) {
            sql.append(" AND read_at IS NULL");
        }
        if (after != null) {
            sql.append(" AND (delivered_at, notification_id) < (?, ?)");
            params.add(micros(after.deliveredAt()));
            params.add(after.id());
        }
        sql.append(" ORDER BY delivered_at DESC, notification_id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query((row, n) -> toView(row)).list();
    }

    long unreadCount(UserId owner) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE owner_id = ? AND read_at IS NULL")
                .param(owner.value()).query(Long.class).single();
    }

    Optional<NotificationView> find(UserId owner, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE owner_id = ? AND notification_id = ?")
                .params(owner.value(), id)
                .query((row, n) -> toView(row))
                .optional();
    }

    /** Marks one notification read (the first reading stays); false when the owner has no such notification. */
    boolean markRead(UserId owner, UUID id, Instant at) {
        return jdbc.sql("""
                UPDATE notification SET read_at = coalesce(read_at, ?)
                WHERE owner_id = ? AND notification_id = ?""")
                .params(micros(at), owner.value(), id)
                .update() == 1;
    }

    int markAllRead(UserId owner, Instant at) {
        return jdbc.sql("UPDATE notification SET read_at = ? WHERE owner_id = ? AND read_at IS NULL")
                .params(micros(at), owner.value())
                .update();
    }

    private static NotificationView toView(ResultSet row) throws SQLException {
        return new NotificationView(
                row.getObject("notification_id", UUID.class),
                new TaskId(row.getObject("task_id", UUID.class)),
                new ReminderId(row.getObject("reminder_id", UUID.class)),
                row.getString("title"),
                instant(row, "scheduled_at"),
                instant(row, "delivered_at"),
                row.getObject("snooze_of", UUID.class),
                instant(row, "read_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
