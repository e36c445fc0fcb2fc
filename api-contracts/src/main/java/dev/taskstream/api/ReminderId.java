package dev.taskstream.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** One reminder of one task. Stays the same while the reminder does, so a notification can name it. */
public record ReminderId(UUID value) {

    public ReminderId {
        Objects.requireNonNull(value, "reminder id");
    }

    /**
     * The {@code n}th reminder ever put on {@code task}: a name-based UUID, so that the task decides it the same way
     * on every load and a test can name it.
     */
    public static ReminderId nth(TaskId task, int n) {
        return new ReminderId(UUID.nameUUIDFromBytes(("reminder:" + task + ":" + n).getBytes(StandardCharsets.UTF_8)));
    }

    @JsonCreator
    public static ReminderId of(String raw) {
        return new ReminderId(UUID.fromString(raw));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
