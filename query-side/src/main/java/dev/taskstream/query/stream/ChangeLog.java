package dev.taskstream.query.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskstream.api.UserId;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        append(Map.of(change.owner(), List.of(change)));
    }

    private void resolveAndAppend(Map<String, Supplier<Change>> pending) {
        Map<UserId, List<Change>> byOwner = new TreeMap<>(Comparator.comparing(UserId::value));
        pending.values().forEach(supplier -> {
            Change change = supplier.get();
            if (change != null) {
                byOwner.computeIfAbsent(change.owner(), owner -> new ArrayList<>()).add(change);
            }
        });
        if (!byOwner.isEmpty()) {
            append(byOwner);
        }
    }

    /**
     * Three statements however many users and changes a batch holds: the positions (rows locked in owner order),
     * the messages, and one notification per user.
     */
    private void append(Map<UserId, List<Change>> byOwner) {
        UUID[] owners = byOwner.keySet().stream().map(UserId::value).toArray(UUID[]::new);
        Long[] counts = byOwner.values().stream().map(changes -> (long) changes.size()).toArray(Long[]::new);
        Map<UUID, Long> lastPositions = new HashMap<>();
        jdbc.sql("""
                        INSERT INTO stream_position (owner_id, position)
                        SELECT * FROM unnest(?::uuid[], ?::bigint[]) ORDER BY 1
                        ON CONFLICT (owner_id) DO UPDATE SET position = stream_position.position + EXCLUDED.position
                        RETURNING owner_id, position""")
                .params(owners, counts)
                .query(row -> {
                    lastPositions.put(row.getObject(1, UUID.class), row.getLong(2));
                });
        List<UUID> rowOwners = new ArrayList<>();
        List<Long> rowPositions = new ArrayList<>();
        List<String> rowMessages = new ArrayList<>();
        List<String> notifications = new ArrayList<>();
        byOwner.forEach((owner, changes) -> {
            long last = lastPositions.get(owner.value());
            long position = last - changes.size();
            for (Change change : changes) {
                position++;
                rowOwners.add(owner.value());
                rowPositions.add(position);
                rowMessages.add(message(change, position));
            }
            notifications.add(owner.value() + ":" + last);
        });
        jdbc.sql("INSERT INTO change_log (owner_id, position, message) SELECT * FROM unnest(?::uuid[], ?::bigint[], ?::text[])")
                .params(rowOwners.toArray(UUID[]::new), rowPositions.toArray(Long[]::new), rowMessages.toArray(String[]::new))
                .update();
        jdbc.sql("SELECT pg_notify(?, payload) FROM unnest(?::text[]) payload")
                .params(CHANNEL, notifications.toArray(String[]::new))
                .query(row -> { });
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
