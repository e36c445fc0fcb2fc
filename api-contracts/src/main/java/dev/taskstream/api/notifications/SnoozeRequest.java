package dev.taskstream.api.notifications;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /api/notifications/{id}/snooze}: {@code {"for":"PT10M"}}, an ISO-8601 duration. */
public record SnoozeRequest(@JsonProperty("for") String duration) {
}
