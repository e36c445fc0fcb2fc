package dev.taskstream.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.taskstream.api.TaskId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;

/**
 * How an event changes shape, worked through once: the record gets a new {@code @Revision}, and an upcaster turns
 * the stored JSON of the old revision into the new shape while the event is read, so nothing stored is ever
 * rewritten. The test feeds a revision-1 event, stored as the event store stores it, through Axon's own upcaster
 * chain and Jackson serializer. A production upcaster lives in api-contracts and is declared as a bean in the
 * server; Axon's Spring Boot configuration adds every {@code EventUpcaster} bean to the chain.
 */
class UpcasterExampleTest {

    /** Revision 1 was {@code {"taskId":…,"minutesBefore":30}}; revision 2 says how long before, and where. */
    @Revision("2")
    record ReminderSet(TaskId taskId, Duration before, String channel) {
    }

    static final class ReminderSetUpcaster extends SingleEventUpcaster {

        private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(ReminderSet.class.getName(), "1");
        private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(ReminderSet.class.getName(), "2");

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation event) {
            return event.getType().equals(REVISION_1);
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
            return event.upcastPayload(REVISION_2, JsonNode.class, json -> {
                ObjectNode payload = (ObjectNode) json;
                long minutes = payload.remove("minutesBefore").asLong();
                payload.put("before", Duration.ofMinutes(minutes).toString());
                payload.put("channel", "push");
                return payload;
            });
        }
    }

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
            .build();

    @Test
    void aRevisionOneEventIsReadAsRevisionTwo() {
        TaskId task = TaskId.random();
        DomainEventData<byte[]> stored = stored(task, "1", "{\"taskId\":\"" + task + "\",\"minutesBefore\":30}");

        List<? extends DomainEventMessage<?>> read = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored), serializer, new ReminderSetUpcaster()).asStream().toList();

        assertThat(read).singleElement().satisfies(event ->
                assertThat(event.getPayload()).isEqualTo(new ReminderSet(task, Duration.ofMinutes(30), "push")));
    }

    @Test
    void anEventOfTheCurrentRevisionPassesUntouched() {
        TaskId task = TaskId.random();
        DomainEventData<byte[]> stored = stored(task, "2",
                "{\"taskId\":\"" + task + "\",\"before\":\"PT1H\",\"channel\":\"email\"}");

        List<? extends DomainEventMessage<?>> read = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored), serializer, new ReminderSetUpcaster()).asStream().toList();

        assertThat(read).singleElement().satisfies(event ->
                assertThat(event.getPayload()).isEqualTo(new ReminderSet(task, Duration.ofHours(1), "email")));
    }

    /** An event as the event store holds it: type, revision and JSON bytes. */
    private static DomainEventData<byte[]> stored(TaskId task, String revision, String json) {
        return new GenericDomainEventEntry<>("Task", task.toString(), 0, "event-" + revision, Instant.now(),
                ReminderSet.class.getName(), revision, json.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
    }
}
