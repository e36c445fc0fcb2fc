package dev.taskstream.query.rebuild;

import dev.taskstream.api.admin.ReplayProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One rebuild of a processor's projections. The steps, and why reads never stop:
 * <ol>
 * <li>create {@code <table>_next} for every table, with columns, defaults, generated columns and the primary key
 *     only: secondary indexes slow a bulk fold several times over, so they come after;</li>
 * <li>fold every event of the store, in order and in batches, through new instances of the projections bound to
 *     the new tables (the projections' own handlers: no second copy of the rules);</li>
 * <li>create the secondary indexes of the live tables on the new ones, and fold what was appended meanwhile;</li>
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
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final Instant startedAt = Instant.now();

    private volatile String state = "RUNNING";
    private volatile long eventsDone;
    private volatile long position;
    private volatile long failedEvents;
    private volatile Instant finishedAt;
    private volatile String error;
    private TrackingToken token;

    Rebuild(String processor, List<Rebuildable> projections, EventStorageEngine events,
            EventProcessingConfiguration processing, JdbcClient jdbc, TransactionTemplate transactions, int batchSize) {
        this.processor = processor;
        this.projections = projections;
        this.events = events;
        this.processing = processing;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.batchSize = batchSize;
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
            List<EventMessageHandler> handlers = projections.stream()
                    .map(p -> (EventMessageHandler) new AnnotationEventHandlerAdapter(p.writingTo(NEXT)))
                    .toList();
            foldAll(handlers);
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

    private void createNext(Rebuildable.Table table) {
        String next = NEXT.apply(table.name());
        jdbc.sql("DROP TABLE IF EXISTS " + next).update();
        jdbc.sql("CREATE TABLE " + next + " (LIKE " + table.name()
                + " INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING CONSTRAINTS, PRIMARY KEY (" + table.key() + "))")
                .update();
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
        } while (read == batchSize);
    }

    private int foldBatch(List<EventMessageHandler> handlers) {
        List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(token, false)) {
            stream.limit(batchSize).forEach(batch::add);
        }
        for (TrackedEventMessage<?> event : batch) {
            for (EventMessageHandler handler : handlers) {
                if (handler.canHandle(event)) {
                    fold(handler, event);
                }
            }
            token = event.trackingToken();
            position = token.position().orElse(position);
        }
        eventsDone += batch.size();
        return batch.size();
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
