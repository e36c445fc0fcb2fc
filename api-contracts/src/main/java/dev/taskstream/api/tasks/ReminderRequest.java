package dev.taskstream.api.tasks;

/**
 * One reminder in a request body: {@code {"before":"PT30M"}} (an ISO-8601 duration before the due time) or
 * {@code {"at":"2026-12-24T17:30:00+01:00"}} (an instant with its offset). Strings, so that a bad value is refused
 * naming its place in the list ({@code reminders[1].before}) rather than failing the whole body.
 */
public record ReminderRequest(String before, String at) {
}
