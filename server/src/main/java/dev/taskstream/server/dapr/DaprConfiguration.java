package dev.taskstream.server.dapr;

import dev.taskstream.sagas.remote.DaprCommandBus;
import dev.taskstream.sagas.remote.DaprJobsDeadlineManager;
import dev.taskstream.server.roles.ConditionalOnRole;
import dev.taskstream.server.roles.Role;
import io.dapr.client.DaprClient;
import io.dapr.client.DaprClientBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A sagas role in a process of its own works through its Dapr sidecar (found the way the Dapr SDK always finds
 * it: {@code DAPR_HTTP_PORT}, {@code DAPR_GRPC_PORT}): commands go to the command role by service invocation,
 * and deadlines are Dapr jobs. The saga code is the same as in the monolith.
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

    @Bean
    DaprJobsDeadlineManager daprJobsDeadlineManager(DaprClient dapr, JdbcClient jdbc,
                                                    PlatformTransactionManager transactions,
                                                    @Qualifier("messageSerializer") Serializer serializer,
                                                    org.axonframework.config.Configuration axon) {
        return new DaprJobsDeadlineManager(dapr, jdbc, new TransactionTemplate(transactions), serializer,
                new ConfigurationScopeAwareProvider(axon));
    }

    /**
     * The sidecar's call when a job is due. 200 once handled, or when there was nothing left to handle (a repeat,
     * a cancelled deadline); a failure answers 500, and Dapr tries the job again. Only the sidecar gets here
     * ({@link SidecarOnly}).
     */
    @Bean
    RouterFunction<ServerResponse> daprJobCallback(DaprJobsDeadlineManager deadlines) {
        return RouterFunctions.route()
                .POST("/job/{name}", request -> {
                    deadlines.fire(request.pathVariable("name"));
                    return ServerResponse.ok().build();
                })
                .build();
    }
}
