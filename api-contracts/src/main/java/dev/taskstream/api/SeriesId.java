package dev.taskstream.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** A recurring task's series. The ids of its occurrences derive from it. */
public record SeriesId(UUID value) {

    public SeriesId {
        Objects.requireNonNull(value, "series id");
    }

    public static SeriesId random() {
        return new SeriesId(UUID.randomUUID());
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
