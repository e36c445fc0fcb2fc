package dev.taskstream.query.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends to each user's change log, inside the transaction of the projection that calls it, so a change is
 * in the log exactly when it is in the read model. Projections call {@link #record} from their event
 * handlers; any other feed of the stream (a notifications projection, say) does the same.
 *
 * <p>Changes are resolved when the batch is about to commit, so a task changed five times in one batch is one
 * message showing its final state. Positions are handed out per user under that user's
 * {@code stream_position} row lock, users taken in a fixed order so that two processors never deadlock.
 * A {@code NOTIFY} in the same transaction wakes every server's stream once the commit is visible.
 * Replays write nothing: devices already saw those changes.
 */
@Component
public class ChangeLog {

    static final String CHANNEL = "taskstream_stream";
    private static final String PENDING = ChangeLog.class.getName() + ".pending";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ChangeLog(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** For projections that fold into scratch or shadow tables (history, rebuilds): devices hear nothing of it. */
    public static ChangeLog none() {
        return new ChangeLog(null, null);
    }

    /** Whether {@link #record} keeps anything: in a live projection's unit of work, not in a replay or a rebuild. */
    public boolean records() {
        return jdbc != null && CurrentUnitOfWork.isStarted() && !ReplayToken.isReplay(CurrentUnitOfWork.get().getMessage());
    }

    /**
     * Records that the thing named {@code key} changed; {@code change} is asked at commit time and may answer
     * null (nothing to tell). Of several changes recorded for one key in a transaction, the last one wins.
     */
    public void record(String key, Supplier<Change> change) {
        if (!records()) {
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, Supplier<Change>> pending = root.getOrComputeResource(PENDING, name -> {
            Map<String, Supplier<Change>> changes = new LinkedHashMap<>();
            root.onPrepareCommit(unitOfWork -> resolveAndAppend(changes));
            return changes;
        });
        pending.remove(key);
        pending.put(key, change);
    }

    /**
     * Appends a change that no event carries (a user's read marks), in the caller's transaction, which must be
     * open: the user's position row stays locked until it commits, as for the projections' changes.
     */
    public void appendNow(Change change) {
        append(List.of(change));
    }

    private void resolveAndAppend(Map<String, Supplier<Change>> pending) {
        List<Change> resolved = pending.values().stream().map(Supplier::get).filter(Objects::nonNull).toList();
        if (!resolved.isEmpty()) {
            append(resolved);
        }
    }

    /**
     * One statement however many users and changes a batch holds: it takes each user's next positions (rows
     * locked in owner order), writes the messages with their positions filled in, and notifies each user once.
     * Every round trip counts here: under load the projection thread waits for the CPU again after each one, and
     * that wait is most of how long a change takes to show.
     */
    private void append(List<Change> changes) {
        UUID[] owners = new UUID[changes.size()];
        String[] heads = new String[changes.size()];
        String[] tails = new String[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            owners[i] = change.owner().value();
            heads[i] = "{\"type\":" + text(change.type()) + ",\"position\":";
            String fields = text(change.fields());
            tails[i] = fields.equals("{}") ? "}" : "," + fields.substring(1);
        }
        jdbc.sql("""
                        WITH message AS (
                            SELECT owner_id, head, tail,
                                   row_number() OVER (PARTITION BY owner_id ORDER BY ordinal) AS nth,
                                   count(*) OVER (PARTITION BY owner_id) AS changes
                              FROM unnest(?::uuid[], ?::text[], ?::text[])
                                   WITH ORDINALITY AS m(owner_id, head, tail, ordinal)
                        ), last_position AS (
                            INSERT INTO stream_position (owner_id, position)
                            SELECT owner_id, count(*) FROM message GROUP BY owner_id ORDER BY owner_id
                            ON CONFLICT (owner_id) DO UPDATE SET position = stream_position.position + EXCLUDED.position
                            RETURNING owner_id, position
                        ), logged AS (
                            INSERT INTO change_log (owner_id, position, message)
                            SELECT owner_id, position - changes + nth, head || (position - changes + nth) || tail
                              FROM message JOIN last_position USING (owner_id)
                        )
                        SELECT pg_notify(?, owner_id || ':' || position) FROM last_position""")
                .params(owners, heads, tails, CHANNEL)
                .query(row -> { });
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
