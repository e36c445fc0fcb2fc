package dev.taskstream.api.tags;

import dev.taskstream.api.TagId;

/** A tag as a task shows it. */
public record TagRef(TagId id, String name, String colour) {
}
