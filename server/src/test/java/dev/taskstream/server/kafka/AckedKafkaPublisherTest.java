package dev.taskstream.server.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.ConfirmationMode;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaEventPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The publishing processor as the command role runs it (a tracking processor over the event store, the extension's
 * event publisher, errors propagated), stopped while it waits for the broker's ack. The broker is Kafka's own
 * {@link MockProducer} that never acknowledges, so the wait is certain to be interrupted by the shutdown.
 */
class AckedKafkaPublisherTest {

    private static final String NAME = "kafka-publisher";

    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    private final List<MockProducer<String, byte[]>> producers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopEventStore() {
        events.shutDown();
    }

    @Test
    void aShutdownDuringTheWaitForTheAckLeavesTheTokenBeforeTheEvent_soItIsSentAgain() {
        TrackingEventProcessor processor = processor(new AckedKafkaPublisher<>(publisher()));

        stopWhileTheFirstEventAwaitsItsAck(processor);

        assertThat(position()).as("the token did not pass the unacknowledged event").isEmpty();
    }

    /** The pitfall itself, in the extension as it is: the same shutdown moves the token past the event. */
    @Test
    void theExtensionsOwnPublisherCountsTheInterruptedSendAsPublished() {
        TrackingEventProcessor processor = processor(publisher().build());

        stopWhileTheFirstEventAwaitsItsAck(processor);

        assertThat(position()).hasValue(0);
    }

    @Test
    void anAcknowledgedSendMovesTheToken() {
        TrackingEventProcessor processor = processor(new AckedKafkaPublisher<>(publisher()));
        processor.start();
        events.publish(GenericEventMessage.asEventMessage("task created"));
        await().atMost(Duration.ofSeconds(10)).until(() -> producers.size() == 1 && producers.get(0).history().size() == 1);

        producers.get(0).completeNext();

        await().atMost(Duration.ofSeconds(10)).until(() -> position().isPresent());
        assertThat(position()).hasValue(0);
        processor.shutDown();
    }

    private void stopWhileTheFirstEventAwaitsItsAck(TrackingEventProcessor processor) {
        processor.start();
        events.publish(GenericEventMessage.asEventMessage("task created"));
        await().atMost(Duration.ofSeconds(10)).until(() -> producers.size() == 1 && producers.get(0).history().size() == 1);

        processor.shutDown();

        assertThat(producers.get(0).history()).hasSize(1);
    }

    private OptionalLong position() {
        TrackingToken token = tokens.fetchToken(NAME, 0);
        return token == null ? OptionalLong.empty() : token.position();
    }

    private KafkaPublisher.Builder<String, byte[]> publisher() {
        ProducerFactory<String, byte[]> factory = new ProducerFactory<>() {
            @Override
            public Producer<String, byte[]> createProducer() {
                MockProducer<String, byte[]> producer = new MockProducer<>(false, new StringSerializer(),
                        new ByteArraySerializer());
                producers.add(producer);
                return producer;
            }

            @Override
            public ConfirmationMode confirmationMode() {
                return ConfirmationMode.WAIT_FOR_ACK;
            }

            @Override
            public void shutDown() {
            }
        };
        return KafkaPublisher.<String, byte[]>builder()
                .producerFactory(factory)
                .messageConverter(DefaultKafkaMessageConverter.builder()
                        .serializer(JacksonSerializer.defaultSerializer()).build())
                .topicResolver(event -> Optional.of("taskstream.events"))
                // Longer than the test: only the shutdown can end the wait.
                .publisherAckTimeout(60_000);
    }

    private TrackingEventProcessor processor(KafkaPublisher<String, byte[]> publisher) {
        KafkaEventPublisher<String, byte[]> handler = KafkaEventPublisher.<String, byte[]>builder()
                .processingGroup(NAME)
                .kafkaPublisher(publisher)
                .build();
        return TrackingEventProcessor.builder()
                .name(NAME)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler)
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build())
                .messageSource(events)
                .tokenStore(tokens)
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(source -> null)
                        .andWorkerTerminationTimeout(500, TimeUnit.MILLISECONDS))
                .build();
    }
}
