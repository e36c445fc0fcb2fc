package dev.taskstream.server.dapr;

import dev.taskstream.sagas.remote.DaprCommandBus;
import dev.taskstream.server.roles.ConditionalOnRole;
import dev.taskstream.server.roles.Role;
import io.dapr.client.DaprClient;
import io.dapr.client.DaprClientBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A sagas role in a process of its own reaches the command role through its Dapr sidecar (found the way the
 * Dapr SDK always finds it: {@code DAPR_HTTP_PORT}, {@code DAPR_GRPC_PORT}). Its command bus is remote; the
 * saga code is the same as in the monolith.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(value = Role.SAGAS, without = Role.COMMAND)
class DaprConfiguration {

    @Bean(destroyMethod = "close")
    DaprClient daprClient() {
        return new DaprClientBuilder().build();
    }

    @Bean
    CommandBus daprCommandBus(DaprClient dapr, @Value("${taskstream.dapr.command-app-id}") String commandAppId,
                              @Qualifier("messageSerializer") Serializer serializer, MeterRegistry meters) {
        return new DaprCommandBus(dapr, commandAppId, serializer, meters, DaprCommandBus.Backoff.DEFAULT);
    }
}
