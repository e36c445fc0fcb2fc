package dev.taskstream.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** The owner of tasks: the {@code sub} claim of the caller's token. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "user id");
    }

    @JsonCreator
    public static UserId of(String raw) {
        return new UserId(UUID.fromString(raw));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
