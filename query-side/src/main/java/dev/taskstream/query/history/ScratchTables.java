package dev.taskstream.query.history;

import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An empty temporary copy of a read-model table, private to one transaction and dropped when it ends, so a
 * projection can fold one aggregate's events into it with its usual SQL while nobody else sees the rows.
 */
@Component
public class ScratchTables {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public ScratchTables(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The name a scratch copy of {@code table} has inside {@link #with}; the schema keeps it apart from real tables. */
    public static String scratchOf(String table) {
        return "pg_temp." + table + "_scratch";
    }

    /**
     * Runs {@code work} in one transaction holding {@link #scratchOf scratchOf(table)}: the columns, defaults and
     * generated columns of {@code table}, keyed by {@code key} (the projection's upserts need the key).
     */
    public <T> T with(String table, String key, Supplier<T> work) {
        return transactions.execute(status -> {
            jdbc.sql("CREATE TEMP TABLE " + table + "_scratch (LIKE " + table
                    + " INCLUDING DEFAULTS INCLUDING GENERATED, PRIMARY KEY (" + key + ")) ON COMMIT DROP").update();
            return work.get();
        });
    }
}
