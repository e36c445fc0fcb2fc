package dev.taskstream.query.history;

import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads one aggregate's events from the event store, oldest first. Works in every role, the query role alone
 * included, because every role reads the same store through Axon. Snapshots are skipped on purpose
 * ({@code readEvents(id, 0)}): history needs every event, not the latest state.
 */
@Component
public class EventLog {

    /** Metadata keys stamped on every command and copied onto its events by the server. */
    static final String USER_ID = "userId";
    static final String DEVICE_ID = "deviceId";

    private final EventStore events;

    public EventLog(EventStore events) {
        this.events = events;
    }

    public List<? extends DomainEventMessage<?>> of(String aggregateId) {
        return events.readEvents(aggregateId, 0).asStream().toList();
    }
}
