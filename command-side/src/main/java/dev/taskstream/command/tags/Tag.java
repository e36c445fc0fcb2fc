package dev.taskstream.command.tags;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.taskstream.api.InputRules;
import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tags.CreateTag;
import dev.taskstream.api.tags.DeleteTag;
import dev.taskstream.api.tags.TagCreated;
import dev.taskstream.api.tags.TagDeleted;
import dev.taskstream.api.tags.TagRecoloured;
import dev.taskstream.api.tags.TagRenamed;
import dev.taskstream.api.tags.TagRules;
import dev.taskstream.api.tags.UpdateTag;
import java.util.Locale;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/** A user's tag. Its name is unique among the owner's tags ignoring case, which {@link TagNames} guards. */
@Aggregate
class Tag {

    @AggregateIdentifier
    private TagId id;
    private UserId owner;
    private String name;
    private String colour;

    Tag() {
        // for Axon
    }

    @CommandHandler
    Tag(CreateTag command, TagNames names) {
        String validName = validName(command.name());
        String validColour = validColour(command.colour());
        names.claim(command.ownerId(), validName, command.tagId());
        apply(new TagCreated(command.tagId(), command.ownerId(), validName, validColour));
    }

    /** Both changes are checked before either is applied, so a bad colour leaves the name as it was too. */
    @CommandHandler
    long handle(UpdateTag command, TagNames names) {
        checkOwnedBy(command.requestedBy());
        String newName = command.name() == null ? name : validName(command.name());
        String newColour = command.colour() == null ? colour : validColour(command.colour());
        if (!newName.equals(name)) {
            names.claim(owner, newName, id);
            apply(new TagRenamed(id, newName));
        }
        if (!Objects.equals(newColour, colour)) {
            apply(new TagRecoloured(id, newColour));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(DeleteTag command, TagNames names) {
        checkOwnedBy(command.requestedBy());
        names.release(id);
        apply(new TagDeleted(id));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(TagCreated event) {
        id = event.tagId();
        owner = event.ownerId();
        name = event.name();
        colour = event.colour();
    }

    @EventSourcingHandler
    void on(TagRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(TagRecoloured event) {
        colour = event.colour();
    }

    @EventSourcingHandler
    void on(TagDeleted event) {
        AggregateLifecycle.markDeleted();
    }

    private void checkOwnedBy(UserId requester) {
        if (!owner.equals(requester)) {
            throw TaskstreamException.notFound(id);
        }
    }

    static String validName(String raw) {
        String trimmed = raw == null ? "" : InputRules.singleLine("name", raw.strip());
        if (trimmed.isEmpty() || trimmed.length() > TagRules.NAME_MAX_LENGTH) {
            throw TaskstreamException.invalidField("name",
                    "A tag name needs 1 to " + TagRules.NAME_MAX_LENGTH + " characters after trimming.");
        }
        return trimmed;
    }

    /** An empty colour is no colour. */
    private static String validColour(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!TagRules.COLOUR.matcher(raw.strip()).matches()) {
            throw TaskstreamException.invalidField("colour", "A colour is written #rrggbb, such as #3b82f6.");
        }
        return raw.strip().toLowerCase(Locale.ROOT);
    }
}
