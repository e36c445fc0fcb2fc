package dev.taskstream.query.history;

import dev.taskstream.api.history.FieldChange;
import dev.taskstream.api.history.HistoryEntry;
import dev.taskstream.api.history.HistoryPage;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessageHandler;

/**
 * Replays one aggregate's events through a projection whose repository writes to a scratch table (see
 * {@link ScratchTables}), reading the view back between events. The projection's handlers are the only folding
 * rules: history and "as of" are what the read model would have shown. Use inside {@link ScratchTables#with}.
 *
 * @param <V> the view record; its components are the fields a history compares, except {@code hidden} ones
 */
public final class Timeline<V extends Record> {

    private final EventMessageHandler projection;
    private final Supplier<Optional<V>> view;
    private final Set<String> hidden;

    /**
     * @param projection an instance of the projection bound to the scratch table
     * @param view reads the scratch table's row
     * @param hidden view components that are bookkeeping (version, timestamps), not content
     */
    public Timeline(Object projection, Supplier<Optional<V>> view, Set<String> hidden) {
        this.projection = new AnnotationEventHandlerAdapter(projection);
        this.view = view;
        this.hidden = hidden;
    }

    /** The view after every event stored at or before {@code instant}; empty if it did not exist then. */
    public Optional<V> asOf(List<? extends DomainEventMessage<?>> events, Instant instant) {
        events.stream().takeWhile(event -> !event.getTimestamp().isAfter(instant)).forEach(this::fold);
        return view.get();
    }

    /** The page of entries from sequence number {@code query.from()}, each with what its event changed. */
    public HistoryPage page(List<? extends DomainEventMessage<?>> events, HistoryQuery query) {
        long end = Math.min(events.size(), query.from() + query.limit());
        List<HistoryEntry> entries = new ArrayList<>();
        Optional<V> before = Optional.empty();
        for (int i = 0; i < end; i++) {
            if (i == query.from()) {
                before = view.get();
            }
            fold(events.get(i));
            if (i >= query.from()) {
                Optional<V> after = view.get();
                entries.add(entry(events.get(i), before, after));
                before = after;
            }
        }
        return new HistoryPage(entries, end < events.size() ? Long.toString(end) : null);
    }

    private void fold(DomainEventMessage<?> event) {
        try {
            projection.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException("Event " + event.getIdentifier() + " could not be folded", e);
        }
    }

    private HistoryEntry entry(DomainEventMessage<?> event, Optional<V> before, Optional<V> after) {
        List<FieldChange> changes = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        if (before.isEmpty() && after.isPresent()) {
            summary.add("created");
        } else if (before.isPresent() && after.isEmpty()) {
            summary.add("deleted");
        }
        V shape = after.or(() -> before).orElse(null);
        if (before.isPresent() && after.isPresent() || before.isEmpty() && after.isPresent()) {
            for (RecordComponent component : shape.getClass().getRecordComponents()) {
                if (hidden.contains(component.getName())) {
                    continue;
                }
                Object old = before.map(v -> value(component, v)).orElse(null);
                Object now = value(component, after.get());
                // As read, not as stored: a relative reminder's fire time follows the due date and is no change of its own.
                if (!Objects.equals(Readable.of(old), Readable.of(now)) && !(old == null && isEmpty(now))) {
                    changes.add(new FieldChange(component.getName(), Readable.of(old), Readable.of(now)));
                    summary.add(component.getName() + ": " + describe(old, now));
                }
            }
        }
        if (summary.isEmpty()) {
            summary.add("no visible change");
        }
        return new HistoryEntry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(), event.getTimestamp(),
                (String) event.getMetaData().get(EventLog.USER_ID), (String) event.getMetaData().get(EventLog.DEVICE_ID),
                changes, String.join("; ", summary));
    }

    /** "'Buy milk' → 'Buy oat milk'", "none → 24 Dec 2026 Europe/Berlin", or for lists "+home -work". */
    private static String describe(Object old, Object now) {
        if (now instanceof Collection<?> after && (old == null || old instanceof Collection<?>)) {
            // Compared as read: a reminder whose fire time moved with the due date is the same reminder.
            List<String> before = old == null ? List.of() : ((Collection<?>) old).stream().map(Readable::of).toList();
            List<String> shown = after.stream().map(Readable::of).toList();
            String added = shown.stream().filter(v -> !before.contains(v)).map(v -> "+" + v)
                    .collect(Collectors.joining(" "));
            String removed = before.stream().filter(v -> !shown.contains(v)).map(v -> "-" + v)
                    .collect(Collectors.joining(" "));
            return (added + " " + removed).strip();
        }
        return quoted(old) + " → " + quoted(now);
    }

    private static String quoted(Object value) {
        if (value == null) {
            return "none";
        }
        return value instanceof String text ? "'" + text + "'" : Readable.of(value);
    }

    private static boolean isEmpty(Object value) {
        return value instanceof Collection<?> values && values.isEmpty();
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
