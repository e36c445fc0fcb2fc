package dev.taskstream.server.kafka;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.messaging.EventPublicationFailedException;

/**
 * The Kafka extension's publisher, except that an interrupted wait for the broker's ack fails the send. In 4.9.0 an
 * interrupt there (a processor thread stopped at shutdown) is logged, the thread re-interrupted, and the send
 * returns as if it succeeded: the publishing processor would then move its token past an event the broker may never
 * have received. Failing instead rolls the batch back, so the token stays and the event is sent again on the next
 * start; a duplicate is harmless, since every consumer is idempotent.
 */
final class AckedKafkaPublisher<K, V> extends KafkaPublisher<K, V> {

    AckedKafkaPublisher(Builder<K, V> builder) {
        super(builder);
    }

    @Override
    public <T extends EventMessage<?>> void send(T event) {
        super.send(event);
        if (Thread.currentThread().isInterrupted()) {
            throw new EventPublicationFailedException("Interrupted before the broker acknowledged event "
                    + event.getIdentifier() + "; it is not counted as published.", new InterruptedException());
        }
    }
}
