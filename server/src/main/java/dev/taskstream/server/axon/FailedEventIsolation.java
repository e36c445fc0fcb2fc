package dev.taskstream.server.axon;

import java.sql.Connection;
import java.sql.Savepoint;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps an event that a projection cannot store from stopping its processor. When PostgreSQL refuses a write, it
 * aborts the whole transaction, and the dead-letter queue, which parks the event in that same transaction, fails
 * too: the processor used to retry the batch forever, and no user's change showed again.
 *
 * <p>A savepoint around every event would keep the transaction usable, but it costs two more round trips per
 * event, and under load the projection's time goes to round trips while users wait for their changes to show
 * (WriteBenchmark, 8 clients: write to visible p50 39-57 ms with a savepoint per event, 27-31 ms without). So events
 * run bare, and one that fails is marked: its batch rolls back, also when the failure left the transaction usable
 * (the handler may have written half of what it meant to), and when the processor tries the batch again, a second
 * or so later, that event alone runs behind a savepoint. Refused again, it is rolled back to the savepoint and
 * parked, and the rest of the batch goes on.
 */
@Component
class FailedEventIsolation implements HandlerEnhancerDefinition {

    private static final Logger log = LoggerFactory.getLogger(FailedEventIsolation.class);

    private final DataSource dataSource;
    /**
     * Events that failed in a handler, in a batch that has not committed since: each runs behind a savepoint in that
     * handler until then. Per handler class, as another processor that handles the same event has its own batches.
     */
    private final Set<Failed> failed = ConcurrentHashMap.newKeySet();

    private record Failed(Class<?> handler, String event) {
    }

    FailedEventIsolation(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean projection = original.annotationAttributes(EventHandler.class).isPresent()
                && original.annotationAttributes(EventSourcingHandler.class).isEmpty()
                && original.annotationAttributes(SagaEventHandler.class).isEmpty()
                && original.annotationAttributes(DeadlineHandler.class).isEmpty();
        return projection ? new Isolating<>(original) : original;
    }

    private final class Isolating<T> extends WrappedMessageHandlingMember<T> {

        Isolating(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!TransactionSynchronizationManager.isActualTransactionActive() || !CurrentUnitOfWork.isStarted()) {
                return super.handle(message, target);
            }
            UnitOfWork<?> batch = CurrentUnitOfWork.get();
            Failed mark = new Failed(declaringClass(), message.getIdentifier());
            if (failed.contains(mark)) {
                batch.afterCommit(committed -> failed.remove(mark));
                return behindSavepoint(message, target);
            }
            try {
                return super.handle(message, target);
            } catch (Exception failure) {
                failed.add(mark);
                batch.onPrepareCommit(preparing -> {
                    throw new IllegalStateException("Event " + mark.event() + " failed in " + mark.handler()
                            .getSimpleName() + "; its batch is rolled back and tried again with that event behind"
                            + " a savepoint", failure);
                });
                log.info("Event {} failed in {} ({}); its batch will be tried again with it isolated",
                        mark.event(), mark.handler().getSimpleName(), failure.toString());
                throw failure;
            }
        }

        /** A plain JDBC savepoint on the transaction's connection: projections write through JDBC only. */
        private Object behindSavepoint(Message<?> message, T target) throws Exception {
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
