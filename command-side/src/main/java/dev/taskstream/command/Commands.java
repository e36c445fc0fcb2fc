package dev.taskstream.command;

import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Sends commands for the REST write API. Every failure that is a refusal reaches the caller as a
 * {@code CommandExecutionException} with a {@link dev.taskstream.api.Refusal} in its details, including those
 * that only show when the events are stored (a concurrent append).
 */
@Component
public class Commands {

    private final CommandGateway gateway;
    private final TransactionManager transactions;

    Commands(CommandGateway gateway, TransactionManager transactions) {
        this.gateway = gateway;
        this.transactions = transactions;
    }

    public <R> R send(Object command) {
        try {
            return gateway.sendAndWait(command);
        } catch (RuntimeException failure) {
            throw refusalOr(failure, command);
        }
    }

    /**
     * Runs {@code work}'s commands as one: their events and side tables are stored together when it returns, or
     * nothing is stored when any of them is refused. Each command runs in a unit of work nested in this one, so
     * Axon keeps their events for this one's commit, in one database transaction.
     */
    public <R> R atomically(Supplier<R> work) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        R result;
        try {
            result = work.get();
        } catch (RuntimeException refused) {
            unitOfWork.rollback(refused);
            throw refused;
        }
        try {
            unitOfWork.commit();
        } catch (RuntimeException failure) {
            throw refusalOr(failure, null);
        }
        return result;
    }

    private static RuntimeException refusalOr(RuntimeException failure, Object command) {
        return CommandRefusals.of(failure, command).<RuntimeException>map(refusal -> refusal.asCommandFailure(failure))
                .orElse(failure);
    }
}
