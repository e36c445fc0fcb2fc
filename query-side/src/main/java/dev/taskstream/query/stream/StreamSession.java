package dev.taskstream.query.stream;

import dev.taskstream.api.UserId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * One open stream. Sends go through a {@link ConcurrentWebSocketSessionDecorator}: pings from the heartbeat and
 * changes from delivery may overlap, and a client that stops reading makes the decorator's buffer and send-time
 * limits trip. Changes are sent by one thread at a time, in position order; {@code lastSent} only grows, so a
 * change is never sent twice nor skipped.
 */
final class StreamSession {

    /** Work that sends this session's next changes; runs under the session's send lock. */
    interface Delivery {
        void run() throws IOException;
    }

    private final ConcurrentWebSocketSessionDecorator socket;
    private final UserId owner;
    private final Instant tokenExpiresAt;
    private final ReentrantLock sending = new ReentrantLock();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile long lastSent;
    private volatile long lastHeard = System.nanoTime();
    private volatile long lastPing = System.nanoTime();

    StreamSession(ConcurrentWebSocketSessionDecorator socket, UserId owner, Instant tokenExpiresAt) {
        this.socket = socket;
        this.owner = owner;
        this.tokenExpiresAt = tokenExpiresAt;
    }

    UserId owner() {
        return owner;
    }

    String id() {
        return socket.getId();
    }

    Instant tokenExpiresAt() {
        return tokenExpiresAt;
    }

    long lastSent() {
        return lastSent;
    }

    /** Sets where delivery starts; called once, before the session can be woken. */
    void startAfter(long position) {
        lastSent = position;
    }

    /** True for the first caller until the scheduled delivery {@link #started()}: one waiting task per session. */
    boolean schedule() {
        return scheduled.compareAndSet(false, true);
    }

    /** The scheduled delivery has begun; a change from now on schedules another. */
    void started() {
        scheduled.set(false);
    }

    /**
     * Runs {@code delivery} unless another thread is already delivering to this session; that thread then runs
     * it again when it is done, so no wake-up is lost and a slow client ties up at most one thread.
     */
    void pump(Delivery delivery) throws IOException {
        pending.set(true);
        while (pending.get() && sending.tryLock()) {
            try {
                pending.set(false);
                delivery.run();
            } finally {
                sending.unlock();
            }
        }
    }

    void send(StoredChange change) throws IOException {
        socket.sendMessage(new TextMessage(change.message()));
        lastSent = change.position();
    }

    void sendNow(String message) throws IOException {
        socket.sendMessage(new TextMessage(message));
    }

    void ping() throws IOException {
        lastPing = System.nanoTime();
        socket.sendMessage(new PingMessage(ByteBuffer.allocate(0)));
    }

    void heard() {
        lastHeard = System.nanoTime();
    }

    long nanosSinceHeard(long now) {
        return now - lastHeard;
    }

    long nanosSincePing(long now) {
        return now - lastPing;
    }

    /** How long the send in progress has been waiting for the client, in milliseconds; 0 when none is. */
    long sendingForMillis() {
        return socket.getTimeSinceSendStarted();
    }

    /** True only for the first caller, so each session is closed, and counted, once. */
    boolean startClosing() {
        return closing.compareAndSet(false, true);
    }

    void close(CloseStatus status) throws IOException {
        socket.close(status);
    }
}
