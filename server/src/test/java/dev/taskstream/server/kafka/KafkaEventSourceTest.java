package dev.taskstream.server.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** Which processes read events from the topic instead of the event store. */
class KafkaEventSourceTest {

    private static final String TASK_VIEW = "axon.eventhandling.processors.task-view.source";
    private static final String RECURRENCE = "axon.eventhandling.processors.recurrence.source";

    @Test
    void aQueryOrSagasProcessWithoutTheCommandRolePointsEveryConfiguredProcessorAtTheTopic() {
        MockEnvironment environment = configured("query,sagas", "127.0.0.1:9092");

        new KafkaEventSource().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(TASK_VIEW)).isEqualTo(KafkaEventSource.BEAN);
        assertThat(environment.getProperty(RECURRENCE)).isEqualTo(KafkaEventSource.BEAN);
    }

    @Test
    void aProcessWithTheCommandRoleReadsTheEventStore_itIsWhereTheEventsAre() {
        MockEnvironment environment = configured("command,query", "127.0.0.1:9092");

        new KafkaEventSource().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(TASK_VIEW)).isNull();
    }

    @Test
    void withoutKafkaNothingChanges() {
        MockEnvironment environment = configured("query", "");

        new KafkaEventSource().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(TASK_VIEW)).isNull();
        assertThat(environment.getProperty(RECURRENCE)).isNull();
    }

    private static MockEnvironment configured(String roles, String bootstrap) {
        return new MockEnvironment()
                .withProperty("taskstream.roles", roles)
                .withProperty(KafkaSettings.BOOTSTRAP, bootstrap)
                .withProperty("axon.eventhandling.processors.task-view.mode", "tracking")
                .withProperty("axon.eventhandling.processors.task-view.thread-count", "2")
                .withProperty("axon.eventhandling.processors.recurrence.mode", "pooled");
    }
}
