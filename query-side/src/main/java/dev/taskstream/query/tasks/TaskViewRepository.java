package dev.taskstream.query.tasks;

import dev.taskstream.api.SeriesId;
import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tags.TagRef;
import dev.taskstream.api.tasks.DueDate;
import dev.taskstream.api.tasks.Occurrence;
import dev.taskstream.api.tasks.Priority;
import dev.taskstream.api.tasks.TaskCreated;
import dev.taskstream.api.tasks.TaskStatus;
import dev.taskstream.api.tasks.TaskView;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over {@code task_view}. Every read is scoped to an owner; every value is a bound parameter. The table is a
 * field so that the projection's own code can fold events into another copy of it (a task's history, a rebuild).
 */
@Repository
class TaskViewRepository {

    static final String TABLE = "task_view";

    static final String COLUMNS = "task_id, title, description, status, due_date, due_time, due_zone, due_at,"
            + " priority, tag_ids, created_at, updated_at, completed_at, series_id, occurrence_index, version, reminders";

    private final JdbcClient jdbc;
    private final String table;

    @Autowired
    TaskViewRepository(JdbcClient jdbc) {
        this(jdbc, TABLE);
    }

    TaskViewRepository(JdbcClient jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /** PostgreSQL keeps microseconds; truncating here keeps cursors exact. */
    static OffsetDateTime micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    void insert(TaskCreated event, Instant at, long version) {
        jdbc.sql("""
                INSERT INTO %s (task_id, owner_id, title, description, status,
                                       due_date, due_time, due_zone, due_at, priority, tag_ids,
                                       created_at, updated_at, series_id, occurrence_index, version)
                VALUES (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (task_id) DO NOTHING""".formatted(table))
                .params(event.taskId().value(), event.ownerId().value(), event.title(), event.description())
                .params(dueColumns(event.due()))
                .params(event.priority().rank(), uuids(event.tags().stream().map(TagId::value).toList()),
                        micros(at), micros(at))
                .params(occurrenceColumns(event.occurrence()))
                .param(version)
                .update();
    }

    /** Applies {@code assignments} only if the row has not already seen this version or a later one. */
    void update(TaskId id, long version, Instant at, String assignments, Object... values) {
        List<Object> params = new ArrayList<>(Arrays.asList(values));
        params.addAll(List.of(micros(at), version, id.value(), version));
        jdbc.sql("UPDATE " + table + " SET " + assignments + ", updated_at = ?, version = ? WHERE task_id = ? AND version < ?")
                .params(params)
                .update();
    }

    /** The four due_ columns, in table order, for a due date that may be null. */
    static Object[] dueColumns(DueDate due) {
        if (due == null) {
            return new Object[] {null, null, null, null};
        }
        return new Object[] {due.date(), due.time(), due.timeZone(), micros(due.deadline())};
    }

    private static Object[] occurrenceColumns(Occurrence occurrence) {
        return occurrence == null ? new Object[] {null, null}
                : new Object[] {occurrence.seriesId().value(), occurrence.index()};
    }

    private UUID[] uuids(List<UUID> ids) {
        return ids.toArray(UUID[]::new);
    }

    /** Deletes the row and answers its owner, or nothing if there was no row. */
    Optional<UserId> delete(TaskId id) {
        return jdbc.sql("DELETE FROM " + table + " WHERE task_id = ? RETURNING owner_id")
                .param(id.value())
                .query((row, n) -> new UserId(row.getObject("owner_id", UUID.class)))
                .optional();
    }

    void deleteAll() {
        jdbc.sql("TRUNCATE " + table).update();
    }

    Optional<TaskView> find(UserId owner, TaskId id, Map<UUID, TagRef> tags) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + table + " WHERE owner_id = ? AND task_id = ?")
                .params(owner.value(), id.value())
                .query((row, n) -> toView(row, tags))
                .optional();
    }

    /** A row as its owner sees it. */
    record OwnedView(UserId owner, TaskView view) {
    }

    /**
     * Those of {@code ids} that have a row, each with its tags, in one statement. The tags are looked up for each row
     * by their keys, so the plan does not depend on how many tasks or tags the owners have. Only the live projection
     * reads its rows back (to tell devices), so the tags are always {@code tag_view}'s.
     */
    List<OwnedView> findAll(Collection<TaskId> ids) {
        return jdbc.sql("""
                SELECT owner_id, %s, tags.ids AS tag_ref_ids, tags.names AS tag_names, tags.colours AS tag_colours
                  FROM %s v CROSS JOIN LATERAL (
                       SELECT array_agg(tag_id) AS ids, array_agg(name) AS names, array_agg(colour) AS colours
                         FROM tag_view WHERE tag_id = ANY (v.tag_ids) AND owner_id = v.owner_id) tags
                 WHERE task_id = ANY (?)""".formatted(COLUMNS, table))
                .param(ids.stream().map(TaskId::value).toArray(UUID[]::new))
                .query((row, n) -> new OwnedView(new UserId(row.getObject("owner_id", UUID.class)),
                        toView(row, joinedTags(row))))
                .list();
    }

    /** The tags a row of {@link #findAll(Collection)} carries, by id; one deleted meanwhile is not among them. */
    private static Map<UUID, TagRef> joinedTags(ResultSet row) throws SQLException {
        Array ids = row.getArray("tag_ref_ids");
        if (ids == null) {
            return Map.of();
        }
        UUID[] tagIds = (UUID[]) ids.getArray();
        String[] names = (String[]) row.getArray("tag_names").getArray();
        String[] colours = (String[]) row.getArray("tag_colours").getArray();
        Map<UUID, TagRef> tags = new HashMap<>();
        for (int i = 0; i < tagIds.length; i++) {
            tags.put(tagIds[i], new TagRef(new TagId(tagIds[i]), names[i], colours[i]));
        }
        return tags;
    }

    /** Maps a row selected with {@link #COLUMNS}; tag ids become the owner's tags, skipping any not projected yet. */
    static TaskView toView(ResultSet row, Map<UUID, TagRef> tags) throws SQLException {
        UUID[] tagIds = (UUID[]) row.getArray("tag_ids").getArray();
        DueDate due = due(row);
        return new TaskView(
                new TaskId(row.getObject("task_id", UUID.class)),
                row.getString("title"),
                row.getString("description"),
                TaskStatus.valueOf(row.getString("status")),
                due,
                instant(row, "due_at"),
                Priority.ofRank(row.getInt("priority")),
                Arrays.stream(tagIds).map(tags::get).filter(Objects::nonNull).toList(),
                instant(row, "created_at"),
                instant(row, "updated_at"),
                instant(row, "completed_at"),
                seriesId(row),
                row.getObject("occurrence_index", Integer.class),
                row.getLong("version"),
                TaskReminders.read(row.getString("reminders"), due));
    }

    private static DueDate due(ResultSet row) throws SQLException {
        LocalDate date = row.getObject("due_date", LocalDate.class);
        return date == null ? null
                : new DueDate(date, row.getObject("due_time", LocalTime.class), row.getString("due_zone"));
    }

    private static SeriesId seriesId(ResultSet row) throws SQLException {
        UUID id = row.getObject("series_id", UUID.class);
        return id == null ? null : new SeriesId(id);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
