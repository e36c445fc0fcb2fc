package dev.taskstream.query.rebuild;

import dev.taskstream.api.admin.ReplayProgress;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One rebuild of a processor's projections. The steps, and why reads never stop:
 * <ol>
 * <li>create {@code <table>_next} for every table, unlogged and half-full, with columns, defaults and the primary key
 *     only: secondary indexes and generated columns (the search vector) would be maintained on every update of the
 *     bulk fold, so they are added after it, computed once per row;</li>
 * <li>fold every event of the store, in order and in pages, through new instances of the projections bound to the new
 *     tables (the projections' own handlers: no second copy of the rules). Their SQL is recorded, not sent
 *     ({@link DeferredStatements}), and sent per page, the rows of each statement together ({@link SetBasedWrite}):
 *     events of different aggregates commute, so only the order within each aggregate matters, and it is kept. One
 *     thread folds a page while another writes the page before it;</li>
 * <li>make the new tables logged, add the generated columns and the live tables' secondary indexes, and fold what
 *     was appended meanwhile;</li>
 * <li>in one transaction: lock the live tables and the live processor's tokens (every instance's processor waits),
 *     fold the last events, rename the live tables away and the new ones into their place. Readers wait for that lock
 *     for as long as the last fold takes and then see the new tables; they never see an empty or partial one;</li>
 * <li>the live processors go on from their own tokens, at or behind where the rebuild stopped, now writing the new
 *     tables; the projections are idempotent (a row only moves to a higher version), so writes made during the
 *     rebuild are in the result exactly once.</li>
 * </ol>
 * A PostgreSQL advisory lock ({@link Rebuilds}) keeps to one rebuild of a processor across all instances.
 */
final class Rebuild {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    private static final UnaryOperator<String> NEXT = table -> table + "_next";
    /**
     * The bulk fold writes an unlogged table with half-empty pages: no write-ahead log record for each of its millions
     * of row versions, and room on the page for a row's next version, so an update stays on its page and leaves the
     * primary key alone (a HOT update). A crash meanwhile empties the table, and the rebuild is run again.
     */
    private static final int BULK_FILL_FACTOR = 50;
    /** How long the swap waits for a lock before it lets go of all and tries again, and how often it tries. */
    private static final Duration LOCK_WAIT = Duration.ofMillis(300);
    private static final int SWAP_ATTEMPTS = 100;

    private final String processor;
    private final List<Rebuildable> projections;
    private final EventStorageEngine events;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final DeferredStatements deferred;
    /** The writer thread's own recording, for a page the database refused. */
    private final DeferredStatements oneByOne;
    private List<EventMessageHandler> oneByOneHandlers;
    private final EventTable eventTable;
    private final ReentrantLock writing = new ReentrantLock();
    private final Runnable unlock;
    private final ExecutorService folder = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild-folder");
        thread.setDaemon(true);
        return thread;
    });
    private final Instant startedAt = Instant.now();
    /** The folder's transaction for a query, open until the event that asked it is folded. */
    private Connection barrier;
    /** During the swap, folding and writing run on one thread, in the swap's transaction. */
    private boolean inline;

    private volatile String state = "RUNNING";
    private volatile long eventsDone;
    private volatile long position;
    private volatile long failedEvents;
    private volatile Instant finishedAt;
    private volatile String error;

    Rebuild(String processor, List<Rebuildable> projections, EventStorageEngine events, Configuration axon,
            JdbcClient jdbc, DataSource dataSource,
            TransactionTemplate transactions, int batchSize, Runnable unlock) {
        this.processor = processor;
        this.projections = projections;
        this.events = events;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.batchSize = batchSize;
        this.unlock = unlock;
        this.eventTable = new EventTable(jdbc, axon);
        this.deferred = new DeferredStatements(this::barrier);
        this.oneByOne = new DeferredStatements(() -> DataSourceUtils.getConnection(dataSource));
    }

    boolean finished() {
        return finishedAt != null;
    }

    ReplayProgress progress() {
        long head = events.createHeadToken() == null ? 0 : events.createHeadToken().position().orElse(0);
        return new ReplayProgress(processor, state, eventsDone, position, head, failedEvents, startedAt, finishedAt, error);
    }

    void run() {
        List<Rebuildable.Table> tables = projections.stream().flatMap(p -> p.tables().stream()).toList();
        try {
            log.info("Rebuilding {} into {}", processor, tables.stream().map(t -> NEXT.apply(t.name())).toList());
            tables.forEach(this::createNext);
            List<EventMessageHandler> handlers = handlers(deferred);
            oneByOneHandlers = handlers(oneByOne);
            foldAll(handlers);
            tables.forEach(this::finishNext);
            tables.forEach(this::indexNext);
            foldAll(handlers);
            state = "SWAPPING";
            swap(tables, handlers);
            state = "DONE";
            log.info("Rebuilt {}: {} events, {} refused by a handler", processor, eventsDone, failedEvents);
        } catch (RuntimeException e) {
            state = "FAILED";
            error = e.toString();
            log.error("Rebuild of {} failed; the live tables answer as before", processor, e);
            tables.forEach(table -> jdbc.sql("DROP TABLE IF EXISTS " + NEXT.apply(table.name())).update());
        } finally {
            folder.shutdownNow();
            finishedAt = Instant.now();
            unlock.run();
        }
    }

    private void createNext(Rebuildable.Table table) {
        String next = NEXT.apply(table.name());
        jdbc.sql("DROP TABLE IF EXISTS " + next).update();
        jdbc.sql("CREATE UNLOGGED TABLE " + next + " (LIKE " + table.name()
                + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS, PRIMARY KEY (" + table.key() + ")) WITH (fillfactor = "
                + BULK_FILL_FACTOR + ")")
                .update();
    }

    /**
     * One rewrite after the bulk fold: the table becomes logged (one copy in the write-ahead log instead of one
     * record per row version), its pages full again, and the live table's generated columns are added back with
     * their expressions, computed once per row.
     */
    private void finishNext(Rebuildable.Table table) {
        List<String> changes = new ArrayList<>(List.of("SET LOGGED", "RESET (fillfactor)"));
        for (Map<String, Object> column : jdbc.sql("""
                        SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
                               pg_get_expr(d.adbin, d.adrelid) AS expression
                        FROM pg_attribute a JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                        WHERE a.attrelid = ?::regclass AND a.attgenerated = 's' ORDER BY a.attnum""")
                .param(table.name()).query().listOfRows()) {
            changes.add("DROP COLUMN " + column.get("name"));
            changes.add("ADD COLUMN " + column.get("name") + " " + column.get("type")
                    + " GENERATED ALWAYS AS (" + column.get("expression") + ") STORED");
        }
        jdbc.sql("ALTER TABLE " + NEXT.apply(table.name()) + " " + String.join(", ", changes)).update();
    }

    /** Every secondary index of the live table, under the same name with {@code _next}, renamed back at the swap. */
    private void indexNext(Rebuildable.Table table) {
        for (Map<String, Object> index : secondaryIndexes(table.name())) {
            String name = (String) index.get("indexname");
            String definition = ((String) index.get("indexdef"))
                    .replaceFirst("INDEX " + name + " ON (\\S+\\.)?" + table.name() + " ",
                            "INDEX " + NEXT.apply(name) + " ON " + NEXT.apply(table.name()) + " ");
            jdbc.sql(definition).update();
        }
        jdbc.sql("ANALYZE " + NEXT.apply(table.name())).update();
    }

    private List<Map<String, Object>> secondaryIndexes(String table) {
        return jdbc.sql("""
                SELECT indexname, indexdef FROM pg_indexes
                WHERE schemaname = current_schema() AND tablename = ? AND indexname <> ?""")
                .params(table, table + "_pkey")
                .query().listOfRows();
    }

    private List<EventMessageHandler> handlers(DeferredStatements recording) {
        JdbcClient recorded = JdbcClient.create(recording.dataSource());
        return projections.stream()
                .map(p -> (EventMessageHandler) new AnnotationEventHandlerAdapter(p.writingTo(recorded, NEXT)))
                .toList();
    }

    /**
     * Folds pages until a read comes back short of a page: the store's head as it was a moment ago. Two threads overlap
     * on two cores: the folder reads, deserializes and folds the next page (recording its writes) while this thread
     * writes the page before it, in a transaction of its own. The folder starts a page only once this thread holds
     * {@link #writing} for the page before, so a query in a handler ({@link #barrier}) waits for that page's commit.
     */
    private void foldAll(List<EventMessageHandler> handlers) {
        Future<Folded> next = folder.submit(() -> fold(handlers, eventTable.next(batchSize)));
        Folded page;
        do {
            page = await(next);
            writing.lock();
            try {
                if (page.events().size() >= batchSize) {
                    next = folder.submit(() -> fold(handlers, eventTable.next(batchSize)));
                }
                Folded written = page;
                transactions.executeWithoutResult(status -> write(written));
            } finally {
                writing.unlock();
            }
        } while (page.events().size() >= batchSize);
    }

    private static Folded await(Future<Folded> page) {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Rebuild interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Folding events failed", e.getCause());
        }
    }

    /** A page's events folded: what they write, the position they reach, and how many there were. */
    private record Folded(DeferredStatements.Writes writes, long position, List<TrackedEventMessage<?>> events) {
    }

    /**
     * On the folder thread. Each event goes to the wave after its aggregate's previous one in the page; an event that
     * touches other aggregates gets a wave of its own after everything before it, and everything after it comes later.
     */
    private Folded fold(List<EventMessageHandler> handlers, EventTable.Page page) {
        Map<String, Integer> waveOf = new HashMap<>();
        int base = 0;
        int last = 0;
        for (TrackedEventMessage<?> event : page.events()) {
            String aggregate = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
            int wave;
            if (aggregate == null || touchesOtherAggregates(event)) {
                wave = last + 1;
                waveOf.clear();
                base = wave + 1;
            } else {
                wave = base + waveOf.merge(aggregate, 1, Integer::sum) - 1;
            }
            last = Math.max(last, wave);
            deferred.wave(wave);
            try {
                for (EventMessageHandler handler : handlers) {
                    if (handler.canHandle(event)) {
                        fold(handler, event);
                    }
                }
            } finally {
                settleBarrier();
            }
        }
        return new Folded(deferred.take(), page.position(), page.events());
    }

    private boolean touchesOtherAggregates(TrackedEventMessage<?> event) {
        for (Rebuildable projection : projections) {
            if (projection.touchesOtherAggregates(event.getPayload())) {
                return true;
            }
        }
        return false;
    }

    /**
     * On the folder thread: waits for the page being written to commit, then opens a transaction after it. During the
     * swap, folding and writing share this thread and its transaction.
     */
    private Connection barrier() throws SQLException {
        if (inline) {
            return DataSourceUtils.getConnection(dataSource);
        }
        if (barrier == null) {
            writing.lock();
            writing.unlock();
            barrier = dataSource.getConnection();
            barrier.setAutoCommit(false);
        }
        return barrier;
    }

    private void settleBarrier() {
        if (barrier == null) {
            return;
        }
        try (Connection connection = barrier) {
            barrier = null;
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Writing before a rebuild's query failed", e);
        }
    }

    private void write(Folded page) {
        // A rebuild can be run again if the server stops; waiting for each commit to reach the disk buys nothing.
        jdbc.sql("SET LOCAL synchronous_commit = off").update();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint before = connection.setSavepoint();
            try {
                page.writes().send(connection);
            } catch (SQLException refused) {
                connection.rollback(before);
                log.warn("Rebuild of {}: the database refused a page ({}); writing it one event at a time", processor,
                        refused.getMessage());
                writeOneByOne(connection, page.events());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Writing a rebuild batch failed", e);
        }
        position = page.position();
        eventsDone += page.events().size();
    }

    /**
     * A page the database refused (an old event holding what a column cannot, as PoisonEventTest stores): each event
     * folded and written alone behind a savepoint, and the ones refused counted, logged and left out, as the live
     * processor parks them.
     */
    private void writeOneByOne(Connection connection, List<TrackedEventMessage<?>> events) throws SQLException {
        for (TrackedEventMessage<?> event : events) {
            Savepoint before = connection.setSavepoint();
            try {
                for (EventMessageHandler handler : oneByOneHandlers) {
                    if (handler.canHandle(event)) {
                        fold(handler, event);
                    }
                }
                oneByOne.take().send(connection);
                connection.releaseSavepoint(before);
            } catch (SQLException refused) {
                connection.rollback(before);
                failedEvents++;
                log.warn("Rebuild of {}: event {} ({}) refused by the database: {}", processor, event.getIdentifier(),
                        event.getPayloadType().getSimpleName(), refused.getMessage());
            }
        }
    }

    private void fold(EventMessageHandler handler, TrackedEventMessage<?> event) {
        try {
            handler.handle(event);
        } catch (Exception e) {
            failedEvents++;
            log.warn("Rebuild of {}: event {} ({}) refused: {}", processor, event.getIdentifier(),
                    event.getPayloadType().getSimpleName(), e.toString());
        }
    }

    /**
     * One transaction: lock the live tables, then the live processor's tokens on every instance, fold what is left,
     * and rename. While the tokens are locked no instance can commit a batch, so every event any of them has committed
     * to the old tables is folded into the new ones; what they have not committed yet they will write to the new
     * tables, under the same names, after the swap. A live batch takes the same locks in its own order (its writes,
     * reads for the stream, its token), so the swap does not wait long for any of them: after {@link #LOCK_WAIT} it
     * gives up all it holds and tries again, and the batch, or the readers queued behind the swap, go on meanwhile.
     */
    private void swap(List<Rebuildable.Table> tables, List<EventMessageHandler> handlers) {
        for (int attempt = 1; ; attempt++) {
            pause(attempt);
            EventTable.Mark mark = eventTable.mark();
            long done = eventsDone;
            try {
                transactions.executeWithoutResult(status -> swapOnce(tables, handlers));
                return;
            } catch (DataAccessException e) {
                if (!lockNotTaken(e) || attempt == SWAP_ATTEMPTS) {
                    throw e;
                }
                // What the attempt folded was rolled back with it: fold it again.
                eventTable.reset(mark);
                eventsDone = done;
                log.debug("Rebuild of {}: swap attempt {} met a live batch ({}); trying again", processor, attempt,
                        e.getMostSpecificCause().getMessage());
            }
        }
    }

    /** A deadlock, or a lock not had within LOCK_WAIT (55P03, which Spring leaves uncategorized). */
    private static boolean lockNotTaken(DataAccessException e) {
        return e instanceof PessimisticLockingFailureException
                || e.getMostSpecificCause() instanceof SQLException sql && "55P03".equals(sql.getSQLState());
    }

    private static void pause(int attempt) {
        if (attempt > 1) {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextLong(50, 250));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Rebuild interrupted", e);
            }
        }
    }

    private void swapOnce(List<Rebuildable.Table> tables, List<EventMessageHandler> handlers) {
        jdbc.sql("SET LOCAL lock_timeout = '" + LOCK_WAIT.toMillis() + "ms'").update();
        for (Rebuildable.Table table : tables) {
            jdbc.sql("LOCK TABLE " + table.name() + " IN ACCESS EXCLUSIVE MODE").update();
        }
        jdbc.sql("SELECT segment FROM token_entry WHERE processor_name = ? FOR UPDATE").param(processor)
                .query().listOfRows();
        inline = true;
        try {
            int read;
            do {
                EventTable.Page page = eventTable.next(batchSize);
                write(fold(handlers, page));
                read = page.events().size();
            } while (read >= batchSize);
        } finally {
            inline = false;
        }
        for (Rebuildable.Table table : tables) {
            String live = table.name();
            String next = NEXT.apply(live);
            List<String> indexes = secondaryIndexes(live).stream().map(index -> (String) index.get("indexname")).toList();
            jdbc.sql("DROP TABLE " + live).update();
            jdbc.sql("ALTER TABLE " + next + " RENAME TO " + live).update();
            jdbc.sql("ALTER TABLE " + live + " RENAME CONSTRAINT " + next + "_pkey TO " + live + "_pkey").update();
            for (String index : indexes) {
                jdbc.sql("ALTER INDEX " + NEXT.apply(index) + " RENAME TO " + index).update();
            }
        }
    }
}
