package dev.taskstream.api.tags;

import dev.taskstream.api.TagId;
import dev.taskstream.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code colour} is optional: {@code #rrggbb}, or null to let the client choose. */
public record CreateTag(@TargetAggregateIdentifier TagId tagId, UserId ownerId, String name, String colour) {
}
