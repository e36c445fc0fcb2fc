package dev.taskstream.query.series;

import dev.taskstream.api.SeriesId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.series.RecurrenceMode;
import dev.taskstream.api.series.SeriesCreated;
import dev.taskstream.api.series.SeriesStatus;
import dev.taskstream.api.series.SeriesView;
import dev.taskstream.api.tasks.DueDate;
import dev.taskstream.api.tasks.Priority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over {@code series_view}. Every read is scoped to an owner; every value is a bound parameter. The table is a
 * field so that the projection's own code can fold events into another copy of it (a series' history).
 */
@Repository
class SeriesViewRepository {

    static final String TABLE = "series_view";

    private final JdbcClient jdbc;
    private final String table;

    @Autowired
    SeriesViewRepository(JdbcClient jdbc) {
        this(jdbc, TABLE);
    }

    SeriesViewRepository(JdbcClient jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    void insert(SeriesCreated event, long version) {
        DueDate start = event.start();
        jdbc.sql("""
                INSERT INTO %s (series_id, owner_id, title, description, priority, rule, mode,
                                         start_date, start_time, time_zone, status, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)
                ON CONFLICT (series_id) DO NOTHING""".formatted(table))
                .params(event.seriesId().value(), event.ownerId().value(), event.template().title(),
                        event.template().description(), event.template().priority().rank(),
                        event.recurrence().rule(), event.mode().name(),
                        start.date(), start.time(), start.timeZone(), version)
                .update();
    }

    /** Applies {@code assignments} only if the row has not already seen this version or a later one. */
    void update(SeriesId id, long version, String assignments, Object... values) {
        List<Object> params = new ArrayList<>(Arrays.asList(values));
        params.addAll(List.of(version, id.value(), version));
        jdbc.sql("UPDATE " + table + " SET " + assignments + ", version = ? WHERE series_id = ? AND version < ?")
                .params(params)
                .update();
    }

    Optional<UserId> owner(SeriesId id) {
        return jdbc.sql("SELECT owner_id FROM series_view WHERE series_id = ?")
                .param(id.value())
                .query((row, n) -> new UserId(row.getObject("owner_id", UUID.class)))
                .optional();
    }

    void deleteAll() {
        jdbc.sql("TRUNCATE " + table).update();
    }

    Optional<SeriesView> find(UserId owner, SeriesId id) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE owner_id = ? AND series_id = ?")
                .params(owner.value(), id.value())
                .query(SeriesViewRepository::toView)
                .optional();
    }

    /** A user has few series (one per recurring habit), so the list is not paged. */
    List<SeriesView> list(UserId owner, SeriesStatus status) {
        return jdbc.sql("""
                        SELECT * FROM series_view
                        WHERE owner_id = :owner AND (CAST(:status AS TEXT) IS NULL OR status = :status)
                        ORDER BY status <> 'ACTIVE', next_due_at NULLS LAST, lower(title), series_id""")
                .param("owner", owner.value())
                .param("status", status == null ? null : status.name())
                .query(SeriesViewRepository::toView)
                .list();
    }

    static OffsetDateTime utc(DueDate due) {
        return due.deadline().atOffset(ZoneOffset.UTC);
    }

    private static SeriesView toView(ResultSet row, int rowNumber) throws SQLException {
        String zone = row.getString("time_zone");
        UUID nextTask = row.getObject("next_task_id", UUID.class);
        LocalDate nextDate = row.getObject("next_due_date", LocalDate.class);
        OffsetDateTime nextDueAt = row.getObject("next_due_at", OffsetDateTime.class);
        return new SeriesView(
                new SeriesId(row.getObject("series_id", UUID.class)),
                row.getString("title"),
                row.getString("description"),
                Priority.ofRank(row.getInt("priority")),
                row.getString("rule"),
                RecurrenceMode.valueOf(row.getString("mode")),
                zone,
                new DueDate(row.getObject("start_date", LocalDate.class), row.getObject("start_time", LocalTime.class), zone),
                nextTask == null ? null : new TaskId(nextTask),
                nextDate == null ? null : new DueDate(nextDate, row.getObject("next_due_time", LocalTime.class), zone),
                nextDueAt == null ? null : nextDueAt.toInstant(),
                row.getInt("occurrence_count"),
                SeriesStatus.valueOf(row.getString("status")),
                row.getLong("version"));
    }
}
