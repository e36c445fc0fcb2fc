package dev.taskstream.query.rebuild;

import dev.taskstream.api.admin.ReplayProgress;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One rebuild of a processor's projections. The steps, and why reads never stop:
 * <ol>
 * <li>create {@code <table>_next} for every table, with columns, defaults and the primary key only: secondary
 *     indexes and generated columns (the search vector) would be maintained on every update of the bulk fold, so
 *     they are added after it, computed once per row;</li>
 * <li>fold every event of the store, in order and in batches, through new instances of the projections bound to
 *     the new tables (the projections' own handlers: no second copy of the rules). Their SQL is recorded, not sent
 *     ({@link DeferredStatements}), while a run of events touches distinct aggregates, then sent as one JDBC batch
 *     per statement text: events of different aggregates commute, so only the order within each aggregate
 *     matters, and it is kept;</li>
 * <li>add the generated columns and create the secondary indexes of the live tables on the new ones, and fold
 *     what was appended meanwhile;</li>
 * <li>pause the live processor, fold the last events, and in one transaction rename the live tables away and the
 *     new ones into their place. Readers wait for that lock for milliseconds and then see the new tables; they
 *     never see an empty or partial one;</li>
 * <li>start the live processor again. It resumes from its own token, at or behind where the rebuild stopped, and
 *     the projections are idempotent (a row only moves to a higher version), so writes made during the rebuild
 *     are in the result exactly once.</li>
 * </ol>
 */
final class Rebuild {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    private static final UnaryOperator<String> NEXT = table -> table + "_next";

    private final String processor;
    private final List<Rebuildable> projections;
    private final EventStorageEngine events;
    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final DeferredStatements deferred = new DeferredStatements();
    private final EventTable eventTable;
    private final Instant startedAt = Instant.now();

    private volatile String state = "RUNNING";
    private volatile long eventsDone;
    private volatile long position;
    private volatile long failedEvents;
    private volatile Instant finishedAt;
    private volatile String error;

    Rebuild(String processor, List<Rebuildable> projections, EventStorageEngine events, Configuration axon,
            EventProcessingConfiguration processing, JdbcClient jdbc, DataSource dataSource,
            TransactionTemplate transactions, int batchSize) {
        this.processor = processor;
        this.projections = projections;
        this.events = events;
        this.processing = processing;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.batchSize = batchSize;
        this.eventTable = new EventTable(jdbc, axon);
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
            JdbcClient recorded = JdbcClient.create(deferred.dataSource());
            List<EventMessageHandler> handlers = projections.stream()
                    .map(p -> (EventMessageHandler) new AnnotationEventHandlerAdapter(p.writingTo(recorded, NEXT)))
                    .toList();
            foldAll(handlers);
            tables.forEach(this::generateColumns);
            tables.forEach(this::indexNext);
            foldAll(handlers);
            state = "SWAPPING";
            StreamingEventProcessor live = processing.eventProcessor(processor, StreamingEventProcessor.class)
                    .orElseThrow(() -> new IllegalStateException("No processor " + processor + " runs here"));
            live.shutDown();
            try {
                foldAll(handlers);
                swap(tables);
            } finally {
                live.start();
                retryLettersOfThePause();
            }
            state = "DONE";
            log.info("Rebuilt {}: {} events, {} refused by a handler", processor, eventsDone, failedEvents);
        } catch (RuntimeException e) {
            state = "FAILED";
            error = e.toString();
            log.error("Rebuild of {} failed; the live tables answer as before", processor, e);
            tables.forEach(table -> jdbc.sql("DROP TABLE IF EXISTS " + NEXT.apply(table.name())).update());
        } finally {
            finishedAt = Instant.now();
        }
    }

    /**
     * Stopping a processor interrupts a batch it is handling, and the dead-letter queue parks those events with an
     * InterruptedException (seen when stopping a processor that catches up). They are not poison: deliver them again,
     * or every later event of their tasks would wait behind them.
     */
    private void retryLettersOfThePause() {
        processing.sequencedDeadLetterProcessor(processor).ifPresent(letters -> {
            for (int round = 0; round < 10_000 && letters.process(letter -> letter.cause()
                    .map(cause -> cause.type().equals(InterruptedException.class.getName())).orElse(false)); round++) {
                log.info("Rebuild of {}: delivered again a sequence the pause had parked", processor);
            }
        });
    }

    private void createNext(Rebuildable.Table table) {
        String next = NEXT.apply(table.name());
        jdbc.sql("DROP TABLE IF EXISTS " + next).update();
        jdbc.sql("CREATE TABLE " + next + " (LIKE " + table.name()
                + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS, PRIMARY KEY (" + table.key() + "))")
                .update();
    }

    /** The live table's generated columns, added back with their expressions: one rewrite computes them all. */
    private void generateColumns(Rebuildable.Table table) {
        List<String> changes = new ArrayList<>();
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
        if (!changes.isEmpty()) {
            jdbc.sql("ALTER TABLE " + NEXT.apply(table.name()) + " " + String.join(", ", changes)).update();
        }
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

    /** Folds batches until a read comes back short of a batch: the store's head as it was a moment ago. */
    private void foldAll(List<EventMessageHandler> handlers) {
        int read;
        do {
            read = transactions.execute(status -> foldBatch(handlers));
        } while (read >= batchSize);
    }

    private int foldBatch(List<EventMessageHandler> handlers) {
        // A rebuild can be run again if the server stops; waiting for each commit to reach the disk buys nothing.
        jdbc.sql("SET LOCAL synchronous_commit = off").update();
        // The pool plans every statement for its values (see application.yml); updates by primary key need no plan
        // of their own, and planning each of a rebuild's statements cost more than running it.
        jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
        List<TrackedEventMessage<?>> batch = eventTable.next(batchSize);
        Set<String> aggregatesInRun = new HashSet<>();
        for (TrackedEventMessage<?> event : batch) {
            String aggregate = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
            boolean alone = aggregate == null
                    || projections.stream().anyMatch(p -> p.touchesOtherAggregates(event.getPayload()));
            if (alone || !aggregatesInRun.add(aggregate)) {
                flush();
                aggregatesInRun.clear();
                if (!alone) {
                    aggregatesInRun.add(aggregate);
                }
            }
            for (EventMessageHandler handler : handlers) {
                if (handler.canHandle(event)) {
                    fold(handler, event);
                }
            }
            if (alone) {
                flush();
            }
        }
        position = eventTable.position();
        flush();
        eventsDone += batch.size();
        return batch.size();
    }

    private void flush() {
        try {
            deferred.flush(DataSourceUtils.getConnection(dataSource));
        } catch (SQLException e) {
            throw new IllegalStateException("Writing a rebuild batch failed", e);
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

    /** One transaction: the live tables go, the new ones take their names, indexes and constraints included. */
    private void swap(List<Rebuildable.Table> tables) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL lock_timeout = '10s'").update();
            for (Rebuildable.Table table : tables) {
                jdbc.sql("LOCK TABLE " + table.name() + " IN ACCESS EXCLUSIVE MODE").update();
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
        });
    }
}
