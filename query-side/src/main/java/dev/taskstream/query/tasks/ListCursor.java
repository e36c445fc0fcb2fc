package dev.taskstream.query.tasks;

import dev.taskstream.api.TaskId;
import dev.taskstream.api.TaskstreamException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** The position after the last task of a page, sent to clients as an opaque string. */
record ListCursor(Instant createdAt, TaskId taskId) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    static ListCursor decode(String opaque) {
        try {
            String[] parts = new String(DECODER.decode(opaque), StandardCharsets.UTF_8).split("\\|", 2);
            return new ListCursor(Instant.parse(parts[0]), new TaskId(UUID.fromString(parts[1])));
        } catch (RuntimeException e) {
            throw TaskstreamException.invalidField("cursor", "Not a cursor this server issued; start again without one.");
        }
    }

    String encode() {
        return ENCODER.encodeToString((createdAt + "|" + taskId).getBytes(StandardCharsets.UTF_8));
    }
}
