package dev.taskstream.server.kafka;

import dev.taskstream.server.roles.Role;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every event processor configured under {@code axon.eventhandling.processors} at the Kafka topic when
 * this process reads events without storing them: Kafka configured, a query or sagas role, no command role.
 * Otherwise processors keep reading the event store. A processor added later to application.yml follows
 * along without a change here.
 *
 * <p>Replays are for the event store: a projection is rebuilt by a process that runs the command role (the
 * monolith, or {@code --taskstream.roles=command,query} pointed at the same database), never from the topic,
 * whose retention need not reach back to the first event.
 */
public class KafkaEventSource implements EnvironmentPostProcessor {

    static final String BEAN = "kafkaEventSource";
    private static final String PROCESSORS = "axon.eventhandling.processors";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Set<Role> roles = Role.enabledIn(environment);
        boolean readsTheTopic = !environment.getProperty(KafkaSettings.BOOTSTRAP, "").isBlank()
                && !roles.contains(Role.COMMAND) && (roles.contains(Role.QUERY) || roles.contains(Role.SAGAS));
        if (!readsTheTopic) {
            return;
        }
        Map<String, Object> sources = new HashMap<>();
        Binder.get(environment).bind(PROCESSORS, Bindable.mapOf(String.class, String.class))
                .orElse(Map.of())
                .keySet()
                .forEach(key -> sources.put(PROCESSORS + "." + key.substring(0, key.indexOf('.')) + ".source", BEAN));
        environment.getPropertySources().addLast(new MapPropertySource("taskstream-kafka-sources", sources));
    }
}
