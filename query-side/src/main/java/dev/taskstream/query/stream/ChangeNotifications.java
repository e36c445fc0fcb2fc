package dev.taskstream.query.stream;

import dev.taskstream.api.UserId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Wakes this instance's streams when a change commits, on this instance or any other: the projections send a
 * PostgreSQL {@code NOTIFY} in the transaction that appends to the change log, and PostgreSQL delivers it to
 * every listening connection only after that commit. So any number of query instances can serve streams, each
 * holding one connection that listens. The notification carries only the user; sessions read the rows
 * themselves. After the listening connection is lost and re-opened, every channel is read once, for anything
 * committed while nobody listened.
 */
@Component
class ChangeNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final StreamHub hub;
    private volatile boolean running;
    private Thread listener;

    ChangeNotifications(DataSource dataSource, StreamHub hub) {
        this.dataSource = dataSource;
        this.hub = hub;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + ChangeLog.CHANNEL);
                }
                hub.wakeAll();
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            hub.wake(owner(notification.getParameter()));
                        }
                    }
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("UNLISTEN *");
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Listening for stream changes failed; retrying in 1 s", e);
                    pause();
                }
            }
        }
    }

    /** The payload is {@code <owner>:<position>}; the position is for people reading the traffic. */
    private static UserId owner(String payload) {
        return new UserId(UUID.fromString(payload.substring(0, payload.indexOf(':'))));
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        listener = StreamHub.daemon("stream-notifications").newThread(this::listen);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        try {
            listener.join(2 * WAIT_MILLIS + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
