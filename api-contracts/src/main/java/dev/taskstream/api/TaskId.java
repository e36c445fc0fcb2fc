package dev.taskstream.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** A task's identity; clients may choose it, so a retried create cannot make a second task. */
public record TaskId(UUID value) {

    public TaskId {
        Objects.requireNonNull(value, "task id");
    }

    public static TaskId random() {
        return new TaskId(UUID.randomUUID());
    }

    @JsonCreator
    public static TaskId of(String raw) {
        return new TaskId(UUID.fromString(raw));
    }

    /** Axon uses this as the aggregate identifier, so it must be the bare UUID. */
    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
