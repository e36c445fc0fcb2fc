package dev.taskstream.api.tags;

/** Body of {@code POST /api/tags} and {@code PATCH /api/tags/{id}}; on PATCH, absent fields stay as they are. */
public record TagRequest(String name, String colour) {
}
