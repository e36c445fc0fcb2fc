package dev.taskstream.query.stream;

import dev.taskstream.api.UserId;
import java.util.Map;
import java.util.Objects;

/**
 * One message for a user's devices: its {@code type} (such as {@code task.upserted}) and the fields that go
 * with it, which become top-level fields of the JSON message next to {@code type} and {@code position}.
 */
public record Change(UserId owner, String type, Map<String, ?> fields) {

    public Change {
        Objects.requireNonNull(owner);
        Objects.requireNonNull(type);
        if (fields.containsKey("type") || fields.containsKey("position")) {
            throw new IllegalArgumentException("type and position are the message's own fields: " + fields.keySet());
        }
        fields = Map.copyOf(fields);
    }
}
