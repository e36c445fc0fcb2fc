package dev.taskstream.query.rebuild;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads Axon's event table in global order, in large pages, and turns rows into events with Axon's own serializer
 * and upcaster chain. The JPA storage engine reads 100 entities per query and was most of a rebuild's read time.
 * A global index skipped by a transaction still open when its neighbours were read (a gap) is looked for again on
 * every page until it appears or is older than a minute (a rolled-back insert leaves a gap forever): events of one
 * aggregate commit one after another, so an event folded late is still in order for its aggregate.
 */
final class EventTable {

    private static final Duration GAP_TIMEOUT = Duration.ofMinutes(1);
    private static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type,"
            + " time_stamp, payload_type, payload_revision, payload, meta_data";

    private final JdbcClient jdbc;
    private final Configuration axon;
    private final Map<Long, Instant> gaps = new TreeMap<>();
    private long position = -1;

    EventTable(JdbcClient jdbc, Configuration axon) {
        this.jdbc = jdbc;
        this.axon = axon;
    }

    /** Where the reading stands: the position read up to and the gaps still looked for. */
    record Mark(long position, Map<Long, Instant> gaps) {
    }

    Mark mark() {
        return new Mark(position, new TreeMap<>(gaps));
    }

    /** Reads again from a mark, as after a transaction that folded the events since was rolled back. */
    void reset(Mark mark) {
        position = mark.position();
        gaps.clear();
        gaps.putAll(mark.gaps());
    }

    /** Events in the order to fold them, and the global position read up to. */
    record Page(List<TrackedEventMessage<?>> events, long position) {
    }

    /**
     * Up to {@code limit} events after the last one read, late arrivals in earlier gaps first, with their payloads
     * already deserialized: a rebuild reads and deserializes the next page on another thread while it writes this one.
     */
    Page next(int limit) {
        List<TrackedEventData<byte[]>> rows = new ArrayList<>(lateArrivals());
        List<TrackedEventData<byte[]>> page = jdbc.sql("SELECT " + COLUMNS
                        + " FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT ?")
                .params(position, limit)
                .query((row, n) -> data(row))
                .list();
        Instant now = Instant.now();
        for (TrackedEventData<byte[]> data : page) {
            long index = ((GlobalSequenceTrackingToken) data.trackingToken()).getGlobalIndex();
            for (long missing = position + 1; missing < index && position >= 0; missing++) {
                gaps.put(missing, now);
            }
            position = index;
        }
        rows.addAll(page);
        List<TrackedEventMessage<?>> events = EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(),
                axon.eventSerializer(), axon.upcasterChain()).toList();
        for (TrackedEventMessage<?> event : events) {
            try {
                event.getPayload();
            } catch (RuntimeException unreadable) {
                // Left for the fold, which counts and logs an event its handlers cannot take.
            }
        }
        return new Page(events, position);
    }

    private List<TrackedEventData<byte[]>> lateArrivals() {
        Instant expired = Instant.now().minus(GAP_TIMEOUT);
        gaps.values().removeIf(seen -> seen.isBefore(expired));
        if (gaps.isEmpty()) {
            return List.of();
        }
        List<TrackedEventData<byte[]>> found = jdbc.sql("SELECT " + COLUMNS
                        + " FROM domain_event_entry WHERE global_index = ANY (?) ORDER BY global_index")
                .param(gaps.keySet().toArray(Long[]::new))
                .query((row, n) -> data(row))
                .list();
        for (Iterator<TrackedEventData<byte[]>> it = found.iterator(); it.hasNext(); ) {
            gaps.remove(((GlobalSequenceTrackingToken) it.next().trackingToken()).getGlobalIndex());
        }
        return found;
    }

    private static TrackedEventData<byte[]> data(ResultSet row) throws SQLException {
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(row.getLong("global_index")),
                new Entry(row.getString("type"), row.getString("aggregate_identifier"),
                        row.getLong("sequence_number"), row.getString("event_identifier"), row.getString("time_stamp"),
                        row.getString("payload_type"), row.getString("payload_revision"), row.getBytes("payload"),
                        row.getBytes("meta_data")));
    }

    /** A stored event whose timestamp is read with {@link StoredTimestamp}. */
    private static final class Entry extends GenericDomainEventEntry<byte[]> {

        private final Instant timestamp;

        Entry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier, String timestamp,
              String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp, payloadType, payloadRevision,
                    payload, metaData);
            this.timestamp = StoredTimestamp.parse(timestamp);
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }
}
