package dev.taskstream.server.kafka;

import dev.taskstream.server.roles.ConditionalOnRole;
import dev.taskstream.server.roles.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.AsyncFetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.DefaultConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.Fetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.SortedKafkaMessageBuffer;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.axonframework.extensions.kafka.eventhandling.producer.ConfirmationMode;
import org.axonframework.extensions.kafka.eventhandling.producer.DefaultProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaEventPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Split mode's event transport, on only when {@code taskstream.kafka.bootstrap-servers} is set (on each nested
 * configuration too: component scanning finds those on their own). The command role
 * publishes every stored event; query and sagas roles running without the command role read them back. Records
 * are keyed by aggregate id (Axon's per-aggregate sequencing), so each aggregate's events stay in order.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(KafkaSettings.CONFIGURED)
@EnableConfigurationProperties(KafkaSettings.class)
class KafkaConfiguration {

    @Bean
    KafkaTopic kafkaTopic(KafkaSettings settings) throws InterruptedException {
        return KafkaTopic.ensure(settings);
    }

    /** Events travel as the event store holds them (Jackson, with their revision), and are upcast when read. */
    @Bean
    KafkaMessageConverter<String, byte[]> kafkaMessageConverter(@Qualifier("eventSerializer") Serializer events,
                                                                 ObjectProvider<EventUpcaster> upcasters) {
        return DefaultKafkaMessageConverter.builder()
                .serializer(events)
                .upcasterChain(new EventUpcasterChain(upcasters.orderedStream().toList()))
                .build();
    }

    /**
     * The outbox: a tracking processor over the event store hands each event to Kafka and moves its token only
     * once the broker acknowledged it, so a crash or an unreachable broker delays events but never drops one
     * (failures are retried with the processor's back-off, 1 s doubling to 60 s). A crash after the ack and
     * before the token moved sends an event twice; every consumer is idempotent.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression(KafkaSettings.CONFIGURED)
    @ConditionalOnRole(Role.COMMAND)
    static class Publishing {

        static final String PROCESSING_GROUP = "kafka-publisher";

        @Bean(destroyMethod = "shutDown")
        ProducerFactory<String, byte[]> kafkaProducerFactory(KafkaSettings settings) {
            return DefaultProducerFactory.<String, byte[]>builder()
                    .configuration(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            // Fail fast while the broker is away, so the processor backs off instead of hanging.
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000))
                    .confirmationMode(ConfirmationMode.WAIT_FOR_ACK)
                    .build();
        }

        @Bean(destroyMethod = "shutDown")
        KafkaPublisher<String, byte[]> kafkaPublisher(ProducerFactory<String, byte[]> producers,
                                                      KafkaMessageConverter<String, byte[]> converter,
                                                      KafkaTopic topic,
                                                      @Qualifier("eventSerializer") Serializer events) {
            return new AckedKafkaPublisher<>(KafkaPublisher.<String, byte[]>builder()
                    .serializer(events)
                    .producerFactory(producers)
                    .messageConverter(converter)
                    .topicResolver(event -> Optional.of(topic.name()))
                    .publisherAckTimeout(6_000));
        }

        @Bean
        ConfigurerModule kafkaPublishingProcessor(KafkaPublisher<String, byte[]> publisher) {
            KafkaEventPublisher<String, byte[]> handler = KafkaEventPublisher.<String, byte[]>builder()
                    .processingGroup(PROCESSING_GROUP)
                    .kafkaPublisher(publisher)
                    .build();
            return configurer -> configurer.eventProcessing(processing -> processing
                    .registerEventHandler(config -> handler)
                    .assignHandlerTypesMatching(PROCESSING_GROUP, KafkaEventPublisher.class::isAssignableFrom)
                    .registerListenerInvocationErrorHandler(PROCESSING_GROUP, config -> PropagatingErrorHandler.instance())
                    .registerTrackingEventProcessor(PROCESSING_GROUP, org.axonframework.config.Configuration::eventStore,
                            config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                    .andBatchSize(100)));
        }
    }

    /**
     * A query or sagas role in its own process reads the topic instead of the event store: every processor
     * named in {@code axon.eventhandling.processors} is pointed at this source (see {@link KafkaEventSource}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression(KafkaSettings.CONFIGURED)
    @ConditionalOnRole(value = {Role.QUERY, Role.SAGAS}, without = Role.COMMAND)
    static class Consuming {

        @Bean(KafkaEventSource.BEAN)
        StreamableKafkaMessageSource<String, byte[]> kafkaEventSource(KafkaSettings settings, KafkaTopic topic,
                                                                      KafkaMessageConverter<String, byte[]> converter,
                                                                      Fetcher<String, byte[], KafkaEventMessage> fetcher,
                                                                      @Qualifier("eventSerializer") Serializer events) {
            Map<String, Object> consumer = Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            return StreamableKafkaMessageSource.<String, byte[]>builder()
                    .serializer(events)
                    .topics(List.of(topic.name()))
                    .consumerFactory(new DefaultConsumerFactory<>(consumer))
                    .fetcher(fetcher)
                    .messageConverter(converter)
                    .bufferFactory(() -> new SortedKafkaMessageBuffer<>(1_000))
                    .build();
        }

        @Bean(destroyMethod = "shutdown")
        Fetcher<String, byte[], KafkaEventMessage> kafkaFetcher() {
            return AsyncFetcher.<String, byte[], KafkaEventMessage>builder().pollTimeout(1_000).build();
        }
    }
}
