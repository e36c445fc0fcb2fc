package dev.taskstream.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.query.support.QueryDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class SetBasedWriteTest {

    private static final OffsetDateTime NOON = OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    private final DataSource dataSource = QueryDatabase.dataSource();
    private final JdbcClient jdbc = QueryDatabase.jdbc();

    @Test
    void anUpdateTakesItsRowsFromArraysJoinedBeforeItsWhere() {
        String sql = "UPDATE t SET title = ?, version = ? WHERE id = ? AND version < ?";

        SetBasedWrite write = SetBasedWrite.of(sql, List.of(
                row(setString(1, "a"), setObject(2, 1L), setObject(3, UUID.randomUUID()), setObject(4, 1L)),
                row(setString(1, "b"), setObject(2, 2L), setObject(3, UUID.randomUUID()), setObject(4, 2L)))).orElseThrow();

        assertThat(write.sql()).isEqualTo("UPDATE t SET title = deferred_row.arg_1, version = deferred_row.arg_2"
                + " FROM unnest(?::text[], ?::int8[], ?::uuid[], ?::int8[]) AS deferred_row(arg_1, arg_2, arg_3, arg_4)"
                + " WHERE id = deferred_row.arg_3 AND version < deferred_row.arg_4");
    }

    @Test
    void writesTheSameRowsAsOneStatementPerRow() throws Exception {
        for (String table : List.of("set_based", "one_by_one")) {
            jdbc.sql("DROP TABLE IF EXISTS " + table).update();
            jdbc.sql("CREATE TABLE " + table + " (id uuid PRIMARY KEY, title text, status text, due date,"
                    + " tags uuid[], at timestamptz, version bigint)").update();
        }
        List<UUID> ids = new ArrayList<>();
        List<List<DeferredStatements.Call>> inserts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            inserts.add(row(setObject(1, id), setString(2, "task " + i + " with 'quotes', {braces} and \"double\""),
                    i % 2 == 0 ? setNull(3) : setObject(3, LocalDate.of(2026, 12, 24)),
                    setObject(4, i % 3 == 0 ? new UUID[0] : new UUID[] {UUID.randomUUID(), UUID.randomUUID()}),
                    setObject(5, NOON.plusMinutes(i)), setObject(6, 0L)));
        }
        inserts.add(inserts.get(0));
        String insert = "INSERT INTO %s (id, title, status, due, tags, at, version) VALUES (?, ?, 'OPEN :)', ?, ?, ?, ?)"
                + " ON CONFLICT (id) DO NOTHING";
        List<List<DeferredStatements.Call>> updates = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            updates.add(row(setString(1, i % 2 == 0 ? null : "renamed " + i), setObject(2, UUID.randomUUID()),
                    setObject(3, 1L), setObject(4, ids.get(i)), setObject(5, i == 4 ? 0L : 1L)));
        }
        String update = "UPDATE %s SET title = coalesce(?, title), tags = array_append(tags, ?), version = ?"
                + " WHERE id = ? AND version < ?";

        try (Connection connection = dataSource.getConnection()) {
            SetBasedWrite.of(insert.formatted("set_based"), inserts).orElseThrow().send(connection);
            SetBasedWrite.of(update.formatted("set_based"), updates).orElseThrow().send(connection);
            oneByOne(connection, insert.formatted("one_by_one"), inserts);
            oneByOne(connection, update.formatted("one_by_one"), updates);
        }

        assertThat(rows("set_based")).hasSize(6).isEqualTo(rows("one_by_one"));
    }

    @Test
    void leavesOtherShapesAndTypesToTheBatch() {
        List<List<DeferredStatements.Call>> rows = List.of(row(setObject(1, UUID.randomUUID())), row(setObject(1, UUID.randomUUID())));
        assertThat(SetBasedWrite.of("DELETE FROM t WHERE id = ?", rows)).isEmpty();
        assertThat(SetBasedWrite.of("UPDATE \"t\" SET x = 1 WHERE id = ?", rows)).isEmpty();
        assertThat(SetBasedWrite.of("UPDATE t SET x = 1 WHERE id IN (SELECT id FROM u WHERE v = ?)", rows)).isEmpty();
        assertThat(SetBasedWrite.of("UPDATE t SET at = ? WHERE id = 1",
                List.of(row(setObject(1, Instant.EPOCH)), row(setObject(1, Instant.EPOCH))))).isEmpty();
        assertThat(SetBasedWrite.of("UPDATE t SET x = ? WHERE id = 1",
                List.of(row(setObject(1, 1L)), row(setString(1, "one"))))).isEmpty();
    }

    private void oneByOne(Connection connection, String sql, List<List<DeferredStatements.Call>> rows) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (List<DeferredStatements.Call> row : rows) {
                for (DeferredStatements.Call call : row) {
                    call.setter().invoke(statement, call.arguments());
                }
                statement.executeUpdate();
            }
        }
    }

    private List<Map<String, Object>> rows(String table) {
        return jdbc.sql("SELECT id, title, status, due, tags::text AS tags, at, version FROM " + table + " ORDER BY id")
                .query().listOfRows();
    }

    private static List<DeferredStatements.Call> row(DeferredStatements.Call... calls) {
        return List.of(calls);
    }

    private static DeferredStatements.Call setString(int index, String value) {
        return call("setString", String.class, index, value);
    }

    private static DeferredStatements.Call setObject(int index, Object value) {
        return call("setObject", Object.class, index, value);
    }

    private static DeferredStatements.Call setNull(int index) {
        return call("setNull", int.class, index, Types.NULL);
    }

    private static DeferredStatements.Call call(String setter, Class<?> valueType, int index, Object value) {
        try {
            return new DeferredStatements.Call(PreparedStatement.class.getMethod(setter, int.class, valueType),
                    new Object[] {index, value});
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
