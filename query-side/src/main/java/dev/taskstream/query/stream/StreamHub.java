package dev.taskstream.query.stream;

import dev.taskstream.api.UserId;
import dev.taskstream.query.stream.StreamTickets.Grant;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.SessionLimitExceededException;

/**
 * The open streams of this instance. A session starts with {@code hello} (the current position), then, given
 * {@code since}, every retained change after it (or {@code resync} if some were pruned), then live changes.
 * Catch-up and live changes are one sequence: both are "everything after {@code lastSent}, up to the head",
 * read from the change log, so the seam has neither gap nor duplicate.
 *
 * <p>{@link ChangeNotifications} wakes a user's channel when a change of theirs commits on any instance; the
 * channel reads the new rows once and every session of the user sends them from its own delivery task, so one
 * slow client never holds up another. A watchdog ticks every second: pings, idle and token-expiry closes, and
 * clients that have not accepted a send within the send time limit.
 */
@Component
class StreamHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamHub.class);
    private static final int READ_BATCH = 500;
    /** Tomcat's own limit on one blocking send; set to our send time limit so a stuck send frees its thread. */
    private static final String TOMCAT_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";
    /**
     * How long Tomcat waits for the client to answer our close frame before it drops the connection (30 s by
     * default); a client we close for not answering pings will not answer that either.
     */
    private static final String TOMCAT_CLOSE_TIMEOUT = "org.apache.tomcat.websocket.SESSION_CLOSE_TIMEOUT";

    private final ChangeLogReader changes;
    private final StreamSettings settings;
    private final StreamMetrics metrics;
    private final Map<UserId, UserChannel> channels = new ConcurrentHashMap<>();
    private final Map<String, StreamSession> sessions = new ConcurrentHashMap<>();
    private final ExecutorService delivery;
    private final ExecutorService closer = Executors.newCachedThreadPool(daemon("stream-close"));
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(daemon("stream-watchdog"));
    private volatile boolean running;

    StreamHub(ChangeLogReader changes, StreamSettings settings, StreamMetrics metrics) {
        this.changes = changes;
        this.settings = settings;
        this.metrics = metrics;
        // Sends to a healthy client take microseconds; threads are only held long by clients that stopped
        // reading, and then at most for the send time limit.
        this.delivery = Executors.newFixedThreadPool(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()),
                daemon("stream-delivery"));
        metrics.watchSessions(sessions::size);
    }

    void open(WebSocketSession raw) throws IOException {
        Grant grant = (Grant) raw.getAttributes().get(TicketHandshake.GRANT);
        Long since = (Long) raw.getAttributes().get(TicketHandshake.SINCE);
        if (raw instanceof StandardWebSocketSession standard) {
            Map<String, Object> tomcat = standard.getNativeSession().getUserProperties();
            tomcat.put(TOMCAT_SEND_TIMEOUT, settings.sendTimeLimit().toMillis());
            tomcat.put(TOMCAT_CLOSE_TIMEOUT, settings.sendTimeLimit().toMillis());
        }
        StreamSession session = new StreamSession(new ConcurrentWebSocketSessionDecorator(raw,
                (int) settings.sendTimeLimit().toMillis(), (int) settings.sendBufferLimit().toBytes()),
                grant.owner(), grant.tokenExpiresAt());
        UserId owner = grant.owner();
        long current = changes.position(owner);
        session.sendNow(StreamMessages.hello(current));
        if (since == null || retained(owner, since, current)) {
            session.startAfter(since == null ? current : since);
        } else {
            session.sendNow(StreamMessages.resync(current));
            session.startAfter(current);
        }
        sessions.put(session.id(), session);
        UserChannel channel = channels.compute(owner, (user, existing) -> {
            UserChannel joined = existing == null ? new UserChannel(user, current) : existing;
            joined.add(session);
            return joined;
        });
        // Anything committed before the channel was listening is read here; anything after wakes it. Only the
        // new session needs sending to, unless the read found changes (opening 10,000 streams of one user used to
        // queue a delivery to every open session per opening: 50 million tasks).
        execute(delivery, () -> {
            if (!refreshed(channel)) {
                schedule(channel, session);
            }
        });
    }

    /** Whether every change after {@code since} is still in the log (a future position is not ours: resync). */
    private boolean retained(UserId owner, long since, long current) {
        return since <= current && changes.oldest(owner).orElse(current + 1) <= since + 1;
    }

    void heard(WebSocketSession raw) {
        StreamSession session = sessions.get(raw.getId());
        if (session != null) {
            session.heard();
        }
    }

    void closed(WebSocketSession raw) {
        StreamSession session = sessions.remove(raw.getId());
        if (session != null) {
            channels.computeIfPresent(session.owner(), (user, channel) -> {
                channel.remove(session);
                return channel.isEmpty() ? null : channel;
            });
        }
    }

    /** A change of this user's committed somewhere. */
    void wake(UserId owner) {
        UserChannel channel = channels.get(owner);
        if (channel != null) {
            refresh(channel);
        }
    }

    /** Notifications may have been missed (the listener reconnected): look at every channel. */
    void wakeAll() {
        channels.values().forEach(this::refresh);
    }

    /** Reads the channel's new changes and sends them on; a burst of wake-ups makes one read, not one each. */
    private void refresh(UserChannel channel) {
        if (channel.scheduleRefresh()) {
            execute(delivery, () -> refreshed(channel));
        }
    }

    /** True if new changes were read, and then every session of the channel is scheduled to send them. */
    private boolean refreshed(UserChannel channel) {
        boolean advanced;
        try {
            advanced = channel.refresh(changes);
        } catch (RuntimeException e) {
            log.warn("Reading the change log of {} failed; their next change retries", channel.owner(), e);
            return false;
        }
        if (advanced) {
            channel.sessions().forEach(session -> schedule(channel, session));
        }
        return advanced;
    }

    /** At most one delivery task waits per session, however many changes arrive meanwhile. */
    private void schedule(UserChannel channel, StreamSession session) {
        if (session.schedule()) {
            execute(delivery, () -> deliver(channel, session));
        }
    }

    private void deliver(UserChannel channel, StreamSession session) {
        session.started();
        try {
            session.pump(() -> sendUpToHead(channel, session));
        } catch (IOException | RuntimeException e) {
            failed(session, e);
        }
    }

    /**
     * A send that overflowed the buffer, or that the client did not accept within the send time limit, is a slow
     * consumer; anything else is a broken connection. The time waited decides, not only the exception's type:
     * Tomcat reports its blocking-send timeout (set to that limit) in more than one shape.
     */
    private void failed(StreamSession session, Exception e) {
        if (overflowedOrTimedOut(e) || session.sendingForMillis() >= settings.sendTimeLimit().toMillis()) {
            close(session, StreamCloses.SLOW_CONSUMER, "slow-consumer");
            return;
        }
        log.debug("Sending to stream {} failed", session.id(), e);
        close(session, CloseStatus.SERVER_ERROR, "send-failed");
    }

    private static boolean overflowedOrTimedOut(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SessionLimitExceededException || cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private void sendUpToHead(UserChannel channel, StreamSession session) throws IOException {
        long head = channel.head();
        while (session.lastSent() < head) {
            List<StoredChange> next = channel.recentAfter(session.lastSent());
            if (next == null) {
                next = changes.read(session.owner(), session.lastSent(), head, READ_BATCH);
            }
            if (next.isEmpty()) {
                // Pruned while this client was catching up from far behind.
                session.sendNow(StreamMessages.resync(head));
                session.startAfter(head);
                return;
            }
            for (StoredChange change : next) {
                if (change.position() > head) {
                    break;
                }
                session.send(change);
                metrics.sent(change);
            }
        }
    }

    private void watch() {
        long now = System.nanoTime();
        Instant wallClock = Instant.now();
        for (StreamSession session : sessions.values()) {
            if (!wallClock.isBefore(session.tokenExpiresAt())) {
                close(session, StreamCloses.TOKEN_EXPIRED, "token-expired");
            } else if (session.sendingForMillis() > settings.sendTimeLimit().toMillis()) {
                close(session, StreamCloses.SLOW_CONSUMER, "slow-consumer");
            } else if (session.nanosSinceHeard(now) > settings.idleTimeout().toNanos()) {
                close(session, StreamCloses.IDLE, "idle");
            } else if (session.nanosSincePing(now) >= settings.heartbeat().toNanos()) {
                execute(delivery, () -> ping(session));
            }
        }
    }

    private void ping(StreamSession session) {
        try {
            session.ping();
        } catch (IOException | RuntimeException e) {
            failed(session, e);
        }
    }

    /** Closes on a thread of its own: a close waits behind a send that the client is not reading. */
    private void close(StreamSession session, CloseStatus status, String reason) {
        if (!session.startClosing()) {
            return;
        }
        if (reason != null) {
            metrics.closed(reason);
        }
        execute(closer, () -> {
            try {
                session.close(status);
            } catch (IOException | RuntimeException e) {
                log.debug("Closing stream {} failed", session.id(), e);
            }
        });
    }

    @Override
    public void start() {
        watchdog.scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
        running = true;
    }

    /** Runs before the web server's graceful shutdown, which would otherwise wait for open streams. */
    @Override
    public void stop() {
        running = false;
        watchdog.shutdownNow();
        sessions.values().forEach(session -> close(session, CloseStatus.GOING_AWAY, null));
        delivery.shutdown();
        closer.shutdown();
        try {
            closer.awaitTermination(settings.sendTimeLimit().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After {@link #stop()} new work is dropped: the sessions it was for are closing. */
    private static void execute(ExecutorService executor, Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException stopping) {
            log.debug("Stream work dropped at shutdown");
        }
    }

    static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
