package dev.taskstream.server.mcp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * How many tool calls run at once, in all and per user. A tool call holds its request thread while the API call it
 * makes needs another, so without a cap a flood of tool calls could take every thread and leave none for the calls
 * they wait on, nor for anyone else. One user gets a few at a time, so no user takes the whole share.
 */
final class McpCallLimits {

    private final Semaphore all;
    private final int perUser;
    private final Map<String, Integer> running = new ConcurrentHashMap<>();

    McpCallLimits(int all, int perUser) {
        this.all = new Semaphore(all);
        this.perUser = perUser;
    }

    /** True when the call may run now; the caller must then {@link #release} it. */
    boolean tryAcquire(String user) {
        boolean[] admitted = {false};
        running.compute(user, (key, calls) -> {
            int now = calls == null ? 0 : calls;
            if (now >= perUser || !all.tryAcquire()) {
                return calls;
            }
            admitted[0] = true;
            return now + 1;
        });
        return admitted[0];
    }

    void release(String user) {
        running.computeIfPresent(user, (key, calls) -> calls == 1 ? null : calls - 1);
        all.release();
    }
}
