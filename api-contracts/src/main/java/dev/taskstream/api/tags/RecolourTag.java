package dev.taskstream.api.tags;

import dev.taskstream.api.TagId;
import dev.taskstream.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A null colour clears it. */
public record RecolourTag(@TargetAggregateIdentifier TagId tagId, UserId requestedBy, String colour) {
}
