package dev.taskstream.server.axon;

import java.sql.Connection;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each projection handler runs behind a savepoint of its batch's transaction. When PostgreSQL refuses a
 * projection's write, it aborts the whole transaction, and the dead-letter queue (which stores the parked event in
 * that same transaction) failed too: the processor then retried the batch forever and no user's change showed
 * again. Rolled back to the savepoint, the transaction stays usable, the event is parked, and the rest go on.
 */
@Component
class SavepointPerEvent implements HandlerEnhancerDefinition {

    private final DataSource dataSource;

    SavepointPerEvent(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean projection = original.annotationAttributes(EventHandler.class).isPresent()
                && original.annotationAttributes(EventSourcingHandler.class).isEmpty()
                && original.annotationAttributes(SagaEventHandler.class).isEmpty()
                && original.annotationAttributes(DeadlineHandler.class).isEmpty();
        return projection ? new Savepointed<>(original) : original;
    }

    /**
     * A plain JDBC savepoint on the transaction's connection: projections write through JDBC only, and Spring's
     * JPA transaction manager offers no nested transactions.
     */
    private final class Savepointed<T> extends WrappedMessageHandlingMember<T> {

        Savepointed(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                return super.handle(message, target);
            }
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                Savepoint savepoint = connection.setSavepoint();
                try {
                    Object result = super.handle(message, target);
                    connection.releaseSavepoint(savepoint);
                    return result;
                } catch (Exception e) {
                    connection.rollback(savepoint);
                    throw e;
                }
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }
}
