package dev.taskstream.api.tags;

import dev.taskstream.api.TagId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record TagRecoloured(TagId tagId, String colour) {
}
