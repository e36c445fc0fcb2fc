package dev.taskstream.api.tags;

import dev.taskstream.api.TagId;
import org.axonframework.serialization.Revision;

/** The tag is gone, and with it from every task that carried it. */
@Revision("1")
public record TagDeleted(TagId tagId) {
}
