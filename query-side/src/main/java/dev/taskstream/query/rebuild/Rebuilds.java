package dev.taskstream.query.rebuild;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.admin.ReplayProgress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Starts and reports rebuilds, one at a time per processor, each on its own thread. */
@Component
public class Rebuilds implements DisposableBean {

    /** The first key of the rebuilds' advisory locks ("tsrb"); the second is the processor name's hash. */
    private static final int LOCK_CLASS = 0x74737262;

    private final Map<String, List<Rebuildable>> byProcessor;
    private final EventStorageEngine events;
    private final Configuration axon;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final Map<String, Rebuild> latest = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    Rebuilds(List<Rebuildable> projections, EventStorageEngine events, Configuration axon,
             JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager,
             @Value("${taskstream.rebuild.batch-size:2000}") int batchSize) {
        this.byProcessor = projections.stream().collect(Collectors.groupingBy(Rebuildable::processor));
        this.events = events;
        this.axon = axon;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactionManager);
        this.batchSize = batchSize;
    }

    public Set<String> processors() {
        return new TreeSet<>(byProcessor.keySet());
    }

    /** Starts rebuilding every projection of {@code processor}; refused while one runs. */
    public synchronized ReplayProgress start(String processor) {
        List<Rebuildable> projections = byProcessor.get(processor);
        if (projections == null) {
            throw new TaskstreamException(ErrorCode.PROCESSOR_BUSY, "processor",
                    "Only these processors can be rebuilt: " + String.join(", ", processors()) + ".");
        }
        Rebuild running = latest.get(processor);
        if (running != null && !running.finished()) {
            throw new TaskstreamException(ErrorCode.PROCESSOR_BUSY, "processor",
                    "A rebuild of " + processor + " is running already.");
        }
        Connection lock = lock(processor);
        Rebuild rebuild = new Rebuild(processor, projections, events, axon, jdbc, dataSource, transactions, batchSize,
                () -> unlock(lock, processor));
        latest.put(processor, rebuild);
        threads.submit(rebuild::run);
        return rebuild.progress();
    }

    /**
     * A session-level advisory lock, held by a connection of its own for the whole rebuild, so that no other instance
     * on this database starts one of the same processor; it goes with the connection if this process dies.
     */
    private Connection lock(String processor) {
        try {
            Connection connection = dataSource.getConnection();
            boolean locked = false;
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                lock.setInt(1, LOCK_CLASS);
                lock.setInt(2, processor.hashCode());
                try (ResultSet answer = lock.executeQuery()) {
                    locked = answer.next() && answer.getBoolean(1);
                }
            } finally {
                if (!locked) {
                    connection.close();
                }
            }
            if (locked) {
                return connection;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Taking the rebuild lock of " + processor + " failed", e);
        }
        throw new TaskstreamException(ErrorCode.PROCESSOR_BUSY, "processor",
                "A rebuild of " + processor + " is running on another instance.");
    }

    /** Unlocks before the connection goes back to the pool, where its session (and a lock it held) lives on. */
    private static void unlock(Connection connection, String processor) {
        try (connection; PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            unlock.setInt(1, LOCK_CLASS);
            unlock.setInt(2, processor.hashCode());
            unlock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Releasing the rebuild lock of " + processor + " failed", e);
        }
    }

    /** The running or latest rebuild of {@code processor} since this server started. */
    public Optional<ReplayProgress> progress(String processor) {
        return Optional.ofNullable(latest.get(processor)).map(Rebuild::progress);
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
