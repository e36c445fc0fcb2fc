package dev.taskstream.sagas.reminders;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reminder saga's event processor (mode and threads in application.yml). Like the recurrence saga's, it starts
 * at the oldest event, so that reminders set while no sagas role ran still get their deadlines, and it retries a
 * failing handler rather than skipping it: a skipped event would be a reminder that never fires.
 */
@Configuration(proxyBeanMethods = false)
class ReminderProcessorConfiguration {

    @Bean
    ConfigurerModule reminderProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration(ReminderSaga.PROCESSING_GROUP,
                        (config, builder) -> builder.initialToken(StreamableMessageSource::createTailToken))
                .registerListenerInvocationErrorHandler(ReminderSaga.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }
}
