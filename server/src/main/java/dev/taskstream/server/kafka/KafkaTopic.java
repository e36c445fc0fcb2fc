package dev.taskstream.server.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events topic, created at start-up when missing. Every role that uses Kafka makes sure of it before its
 * processors start: a consumer of a topic that does not exist yet loops on "not subscribed to any topics".
 */
final class KafkaTopic {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopic.class);

    private final String name;

    private KafkaTopic(String name) {
        this.name = name;
    }

    static KafkaTopic ensure(KafkaSettings settings) throws InterruptedException {
        NewTopic topic = new NewTopic(settings.topic(), settings.partitions(), settings.replication());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()))) {
            admin.createTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
            log.info("Created Kafka topic {} ({} partitions, replication {})",
                    topic.name(), topic.numPartitions(), topic.replicationFactor());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create Kafka topic " + topic.name(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + settings.bootstrapServers() + " did not answer in 60 s", e);
        }
        return new KafkaTopic(topic.name());
    }

    String name() {
        return name;
    }
}
