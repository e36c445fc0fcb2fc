package dev.taskstream.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** A user's tag. Tasks refer to tags by id, so renaming a tag is one event, not one per task. */
public record TagId(UUID value) {

    public TagId {
        Objects.requireNonNull(value, "tag id");
    }

    public static TagId random() {
        return new TagId(UUID.randomUUID());
    }

    @JsonCreator
    public static TagId of(String raw) {
        return new TagId(UUID.fromString(raw));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
