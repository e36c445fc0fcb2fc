package dev.taskstream.api.tags;

import dev.taskstream.api.TagId;
import dev.taskstream.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RenameTag(@TargetAggregateIdentifier TagId tagId, UserId requestedBy, String name) {
}
