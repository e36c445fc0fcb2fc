package dev.taskstream.command.tags;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tags.CreateTag;
import dev.taskstream.command.Commands;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns the tag names a client sends with a task into tag ids, creating the tags that do not exist
 * yet. Two requests racing to create the same name both end up with the one tag that won.
 */
@Component
public class TagResolver {

    private final TagNames names;
    private final Commands commands;

    TagResolver(TagNames names, Commands commands) {
        this.names = names;
        this.commands = commands;
    }

    /** Ids of the named tags, each created first if the user has no tag of that name. */
    public Set<TagId> resolveOrCreate(UserId owner, Collection<String> tagNames) {
        Set<TagId> ids = new LinkedHashSet<>();
        for (String name : tagNames == null ? Set.<String>of() : tagNames) {
            ids.add(names.find(owner, validName(name)).orElseGet(() -> create(owner, name)));
        }
        return ids;
    }

    /** Ids of those named tags that exist; unknown names are skipped, as there is nothing to remove. */
    public Set<TagId> resolveExisting(UserId owner, Collection<String> tagNames) {
        Set<TagId> ids = new LinkedHashSet<>();
        for (String name : tagNames == null ? Set.<String>of() : tagNames) {
            names.find(owner, validName(name)).ifPresent(ids::add);
        }
        return ids;
    }

    private TagId create(UserId owner, String name) {
        TagId id = TagId.random();
        try {
            commands.send(new CreateTag(id, owner, name, null), ErrorCode.TAG_NOT_FOUND, id);
            return id;
        } catch (TaskstreamException e) {
            Optional<TagId> winner = e.code() == ErrorCode.TAG_NAME_TAKEN ? names.find(owner, name) : Optional.empty();
            return winner.orElseThrow(() -> e);
        }
    }

    /** Refusals name the task's {@code tags} field, which is where the client sent the name. */
    private static String validName(String name) {
        try {
            return Tag.validName(name);
        } catch (TaskstreamException e) {
            throw TaskstreamException.invalidField("tags", e.getMessage());
        }
    }
}
