package dev.taskstream.api.tags;

import dev.taskstream.api.TagId;
import org.axonframework.serialization.Revision;

/** One event however many tasks carry the tag: tasks refer to tags by id. */
@Revision("1")
public record TagRenamed(TagId tagId, String name) {
}
