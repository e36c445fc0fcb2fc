package dev.taskstream.query.stream;

import dev.taskstream.api.UserId;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of the change log, always scoped to one user. */
@Repository
public class ChangeLogReader {

    private final JdbcClient jdbc;

    ChangeLogReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The user's current stream position: every change up to it is committed. A read of the read model that
     * starts after this call reflects at least those changes, which is what REST list answers promise.
     */
    public long position(UserId owner) {
        return jdbc.sql("SELECT position FROM stream_position WHERE owner_id = ?")
                .param(owner.value())
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /** The oldest position still kept, if any is. */
    OptionalLong oldest(UserId owner) {
        return jdbc.sql("SELECT position FROM change_log WHERE owner_id = ? ORDER BY position LIMIT 1")
                .param(owner.value())
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    /** Up to {@code limit} changes after {@code after} and up to {@code upTo}, in position order. */
    List<StoredChange> read(UserId owner, long after, long upTo, int limit) {
        return jdbc.sql("""
                        SELECT position, message, created_at FROM change_log
                         WHERE owner_id = ? AND position > ? AND position <= ?
                         ORDER BY position LIMIT ?""")
                .params(owner.value(), after, upTo, limit)
                .query((row, n) -> new StoredChange(row.getLong("position"), row.getString("message"),
                        row.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
