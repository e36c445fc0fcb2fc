package dev.taskstream.query.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskstream.api.UserId;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /**
     * Records that the thing named {@code key} changed; {@code change} is asked at commit time and may answer
     * null (nothing to tell). Of several changes recorded for one key in a transaction, the last one wins.
     */
    public void record(String key, Supplier<Change> change) {
        if (jdbc == null || !CurrentUnitOfWork.isStarted()) {
            return;
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        if (ReplayToken.isReplay(current.getMessage())) {
            return;
        }
        UnitOfWork<?> root = current.root();
        Map<String, Supplier<Change>> pending = root.getOrComputeResource(PENDING, name -> {
            Map<String, Supplier<Change>> changes = new LinkedHashMap<>();
            root.onPrepareCommit(unitOfWork -> append(changes));
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
        append(change.owner(), List.of(change));
    }

    private void append(Map<String, Supplier<Change>> pending) {
        Map<UserId, List<Change>> byOwner = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        pending.values().forEach(supplier -> {
            Change change = supplier.get();
            if (change != null) {
                byOwner.computeIfAbsent(change.owner(), owner -> new ArrayList<>()).add(change);
            }
        });
        byOwner.forEach(this::append);
    }

    private void append(UserId owner, List<Change> changes) {
        long last = jdbc.sql("""
                        INSERT INTO stream_position (owner_id, position) VALUES (?, ?)
                        ON CONFLICT (owner_id) DO UPDATE SET position = stream_position.position + EXCLUDED.position
                        RETURNING position""")
                .params(owner.value(), changes.size())
                .query(Long.class)
                .single();
        long position = last - changes.size();
        for (Change change : changes) {
            position++;
            jdbc.sql("INSERT INTO change_log (owner_id, position, message) VALUES (?, ?, ?)")
                    .params(owner.value(), position, message(change, position))
                    .update();
        }
        jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, owner.value() + ":" + last).query(row -> { });
    }

    private String message(Change change, long position) {
        ObjectNode message = json.createObjectNode();
        message.put("type", change.type());
        message.put("position", position);
        message.setAll((ObjectNode) json.valueToTree(change.fields()));
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
