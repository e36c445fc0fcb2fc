package dev.taskstream.api.tags;

import dev.taskstream.api.TagId;
import dev.taskstream.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Renames and/or recolours a tag in one decision: a null field stays, an empty colour clears it. */
public record UpdateTag(@TargetAggregateIdentifier TagId tagId, UserId requestedBy, String name, String colour) {
}
