package dev.taskstream.api.history;

/** One field an event changed, both values as a person would read them; {@code null} means it had none. */
public record FieldChange(String field, String before, String after) {
}
