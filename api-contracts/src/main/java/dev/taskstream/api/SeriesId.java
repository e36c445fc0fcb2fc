package dev.taskstream.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** A recurring task's series. The ids of its occurrences after the first derive from it. */
public record SeriesId(UUID value) {

    public SeriesId {
        Objects.requireNonNull(value, "series id");
    }

    public static SeriesId random() {
        return new SeriesId(UUID.randomUUID());
    }

    /**
     * The series that the task {@code first} starts: a name-based UUID of it, so that a retried create cannot
     * start a second series.
     */
    public static SeriesId startedBy(TaskId first) {
        return new SeriesId(UUID.nameUUIDFromBytes(("series:" + first).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The task id of occurrence {@code index} (after the first): a name-based UUID of "seriesId:index", the same
     * on every computation, so that scheduling it again can only name the task that exists already.
     */
    public TaskId occurrenceTaskId(int index) {
        return new TaskId(UUID.nameUUIDFromBytes((value + ":" + index).getBytes(StandardCharsets.UTF_8)));
    }

    @JsonCreator
    public static SeriesId of(String raw) {
        return new SeriesId(UUID.fromString(raw));
    }

    /** Axon uses this as the aggregate identifier, so it must be the bare UUID. */
    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
