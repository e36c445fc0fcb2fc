package dev.taskstream.server.axon;

import java.util.function.Supplier;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * The event store's transactions, with reads run as they are. The JDBC engine reads in a transaction of its own
 * ({@code fetchInTransaction}), and the embedded store's reader that follows the head polls one to three times for
 * each commit it is woken by: under load, nearly half of all transactions were these (pg_stat_statements,
 * WriteBenchmark at 16 clients: 3.1 transactions per stored event, 1.7 without). A read needs none: inside a command
 * or a batch it already runs on that transaction's connection (the engine takes the unit of work's), and alone each
 * statement sees what is committed. Appends and snapshots still get their transaction.
 */
final class ReadsWithoutTransaction implements TransactionManager {

    private final TransactionManager transactions;

    ReadsWithoutTransaction(TransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public Transaction startTransaction() {
        return transactions.startTransaction();
    }

    @Override
    public <T> T fetchInTransaction(Supplier<T> read) {
        return read.get();
    }
}
