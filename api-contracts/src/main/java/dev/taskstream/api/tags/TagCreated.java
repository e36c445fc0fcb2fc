package dev.taskstream.api.tags;

import dev.taskstream.api.TagId;
import dev.taskstream.api.UserId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record TagCreated(TagId tagId, UserId ownerId, String name, String colour) {
}
