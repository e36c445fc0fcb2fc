package dev.taskstream.query.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * How far the task view is behind the writes: the age of each event when the batch that handled it commits, which
 * is when the change shows in lists and on the user's other devices. Events handled in a replay are old on purpose
 * and do not count.
 */
@Component
public class TaskViewLag implements ConfigurerModule, MessageHandlerInterceptor<EventMessage<?>> {

    private static final long NONE = -1;

    private final AtomicLong worstNanos = new AtomicLong(NONE);

    /** The oldest event shown since the last call, as its age then; empty if none was. */
    public Optional<Duration> takeWorst() {
        long worst = worstNanos.getAndSet(NONE);
        return worst == NONE ? Optional.empty() : Optional.of(Duration.ofNanos(worst));
    }

    /** Notes that a change written at {@code written} has just become visible. */
    void shown(Instant written) {
        long age = Math.max(0, Duration.between(written, Instant.now()).toNanos());
        worstNanos.accumulateAndGet(age, Math::max);
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing(processing ->
                processing.registerHandlerInterceptor(TaskViewProjection.PROCESSING_GROUP, axon -> this));
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        EventMessage<?> event = unitOfWork.getMessage();
        if (!ReplayToken.isReplay(event)) {
            unitOfWork.afterCommit(committed -> shown(event.getTimestamp()));
        }
        return chain.proceed();
    }
}
