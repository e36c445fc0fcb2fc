package dev.taskstream.server.axon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Stamps every command with who sent it and from which device ({@code X-Device-Id}), and copies that,
 * with correlation and causation ids, onto every event the command causes: the history shows it.
 */
@Configuration(proxyBeanMethods = false)
class EventMetadataConfiguration {

    static final String USER_ID = "userId";
    static final String DEVICE_ID = "deviceId";
    static final String DEVICE_HEADER = "X-Device-Id";

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actor() {
        return new SimpleCorrelationDataProvider(USER_ID, DEVICE_ID);
    }

    @Bean
    InitializingBean stampCommandsWithActor(List<CommandBus> commandBuses) {
        return () -> commandBuses.forEach(bus -> bus.registerDispatchInterceptor(actorStamp()));
    }

    private static MessageDispatchInterceptor<CommandMessage<?>> actorStamp() {
        return messages -> (index, command) -> command.andMetaData(currentActor());
    }

    private static Map<String, String> currentActor() {
        Map<String, String> actor = new HashMap<>();
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            actor.put(USER_ID, token.getToken().getSubject());
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            String device = request.getRequest().getHeader(DEVICE_HEADER);
            if (device != null && !device.isBlank()) {
                actor.put(DEVICE_ID, device.strip());
            }
        }
        return actor;
    }
}
