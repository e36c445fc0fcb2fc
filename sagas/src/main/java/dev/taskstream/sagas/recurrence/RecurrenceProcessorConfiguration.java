package dev.taskstream.sagas.recurrence;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The recurrence saga's event processor (mode and threads in application.yml). It starts at the oldest event,
 * not at the newest as Axon does for sagas by default: a series created before the processor first claimed its
 * token (while only the command role ran, say) must still be followed. A handler that fails is retried, not
 * logged and skipped, which would stall a series for good; the saga absorbs the refusals it expects.
 */
@Configuration(proxyBeanMethods = false)
class RecurrenceProcessorConfiguration {

    @Bean
    ConfigurerModule recurrenceProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration(RecurrenceSaga.PROCESSING_GROUP,
                        (config, builder) -> builder.initialToken(StreamableMessageSource::createTailToken))
                .registerListenerInvocationErrorHandler(RecurrenceSaga.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }
}
