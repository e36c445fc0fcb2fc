package dev.taskstream.api.tags;

import dev.taskstream.api.TagId;

/** A tag as the read API lists it, with how many of the owner's tasks carry it. */
public record TagView(TagId id, String name, String colour, long taskCount) {
}
