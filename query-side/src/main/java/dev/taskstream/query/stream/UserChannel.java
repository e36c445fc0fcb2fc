package dev.taskstream.query.stream;

import dev.taskstream.api.UserId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The open streams of one user on this instance, and the user's latest changes read from the log: one read
 * per change however many devices are connected. Sessions behind the recent window read the log themselves.
 */
final class UserChannel {

    private static final int RECENT = 256;
    private static final int READ_BATCH = 500;

    private final UserId owner;
    private final Set<StreamSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean refreshScheduled = new AtomicBoolean();
    private final ArrayDeque<StoredChange> recent = new ArrayDeque<>();
    private long head;

    UserChannel(UserId owner, long head) {
        this.owner = owner;
        this.head = head;
    }

    UserId owner() {
        return owner;
    }

    void add(StreamSession session) {
        sessions.add(session);
    }

    void remove(StreamSession session) {
        sessions.remove(session);
    }

    boolean isEmpty() {
        return sessions.isEmpty();
    }

    Set<StreamSession> sessions() {
        return sessions;
    }

    synchronized long head() {
        return head;
    }

    /** True for the first caller until the scheduled refresh starts. */
    boolean scheduleRefresh() {
        return refreshScheduled.compareAndSet(false, true);
    }

    /** Reads what was committed since the last refresh; true if there was anything. */
    synchronized boolean refresh(ChangeLogReader log) {
        refreshScheduled.set(false);
        long before = head;
        List<StoredChange> fresh;
        do {
            fresh = log.read(owner, head, Long.MAX_VALUE, READ_BATCH);
            for (StoredChange change : fresh) {
                recent.addLast(change);
                head = change.position();
            }
        } while (fresh.size() == READ_BATCH);
        while (recent.size() > RECENT) {
            recent.removeFirst();
        }
        return head > before;
    }

    /** The changes after {@code position} up to the head, or null when the window no longer reaches back that far. */
    synchronized List<StoredChange> recentAfter(long position) {
        if (recent.isEmpty() || recent.peekFirst().position() > position + 1) {
            return null;
        }
        List<StoredChange> after = new ArrayList<>();
        for (StoredChange change : recent) {
            if (change.position() > position) {
                after.add(change);
            }
        }
        return after;
    }
}
