package dev.taskstream.query.notifications;

import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.notifications.NotificationView;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Where a page of notifications ended: the last one's delivery instant and id, as an opaque base64url string. */
record NotificationCursor(Instant deliveredAt, UUID id) {

    static NotificationCursor after(NotificationView last) {
        return new NotificationCursor(last.deliveredAt(), last.id());
    }

    static NotificationCursor decode(String opaque) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(opaque), StandardCharsets.UTF_8).split("/", -1);
            if (parts.length != 2) {
                throw invalid();
            }
            return new NotificationCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw invalid();
        }
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((deliveredAt + "/" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static TaskstreamException invalid() {
        return TaskstreamException.invalidField("cursor",
                "Not a cursor of this list; start again from the first page, without a cursor.");
    }
}
