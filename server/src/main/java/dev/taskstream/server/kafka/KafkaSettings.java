package dev.taskstream.server.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the events go in split mode. Empty {@code bootstrapServers} (the default) means no Kafka at all: every
 * role in this process reads the event store directly, as the monolith does.
 *
 * <p>One partition by default: the recurrence saga and the task list follow events of several aggregates (a
 * series and its tasks, a tag and its tasks) whose order Kafka keeps only within a partition. Axon scales a
 * processor by segments, which each read the whole topic, so one partition does not cap the consumers.
 */
@ConfigurationProperties("taskstream.kafka")
record KafkaSettings(String bootstrapServers, String topic, int partitions, short replication) {

    static final String BOOTSTRAP = "taskstream.kafka.bootstrap-servers";

    /** For {@code @ConditionalOnExpression}: true when a bootstrap server is configured. */
    static final String CONFIGURED = "!'${" + BOOTSTRAP + ":}'.isBlank()";
}
