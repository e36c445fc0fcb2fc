package dev.taskstream.command;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Every command handler's refusal leaves the handler as a {@code CommandExecutionException} carrying a
 * {@link dev.taskstream.api.Refusal}, never as a Java exception type: that is what survives the trip to a sender in
 * another process (a saga, or the REST edge when the command role runs apart).
 */
@Component
class RefusalInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    RefusalInterceptor(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (Exception failure) {
            throw CommandRefusals.of(failure, unitOfWork.getMessage().getPayload())
                    .<Exception>map(refusal -> refusal.asCommandFailure(failure))
                    .orElse(failure);
        }
    }
}
