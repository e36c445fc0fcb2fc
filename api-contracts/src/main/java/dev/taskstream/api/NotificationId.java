package dev.taskstream.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** A notification: the id of the reminder firing it tells of (one notification per firing). */
public record NotificationId(UUID value) {

    public NotificationId {
        Objects.requireNonNull(value, "notification id");
    }

    @JsonCreator
    public static NotificationId of(String raw) {
        return new NotificationId(UUID.fromString(raw));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
