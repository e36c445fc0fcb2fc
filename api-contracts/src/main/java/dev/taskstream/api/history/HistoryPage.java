package dev.taskstream.api.history;

import java.util.List;

/** One page of a history, oldest first; {@code nextCursor} asks for the next page and is null on the last. */
public record HistoryPage(List<HistoryEntry> items, String nextCursor) {
}
