package dev.taskstream.server.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An event that a projection cannot handle is parked in the dead-letter queue so the processor keeps
 * going; Axon notes that at INFO, which an operator would miss, so it is a warning here, with the cause. It is
 * logged once the event is parked for good: a batch may be rolled back and tried again ({@link FailedEventIsolation}).
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterConfiguration.class);

    @Bean
    ConfigurerModule deadLettersAreWarnings() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerDefaultDeadLetterPolicy(
                configuration -> (letter, cause) -> {
                    Runnable warn = () -> log.warn("Event {} ({}) parked in the dead-letter queue: {}",
                            letter.message().getIdentifier(), letter.message().getPayloadType().getSimpleName(),
                            cause.toString(), cause);
                    if (CurrentUnitOfWork.isStarted()) {
                        CurrentUnitOfWork.get().afterCommit(parked -> warn.run());
                    } else {
                        warn.run();
                    }
                    return Decisions.enqueue(cause);
                }));
    }
}
