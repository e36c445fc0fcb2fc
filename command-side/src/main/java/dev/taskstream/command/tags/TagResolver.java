package dev.taskstream.command.tags;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.Refusal;
import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tags.CreateTag;
import dev.taskstream.api.tasks.TaskRules;
import dev.taskstream.command.Commands;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.stereotype.Component;

/**
 * Turns the tag names a client sends with a task into tag ids, creating the tags that do not exist
 * yet. Names are checked first, all of them and their count, so a request with a bad or an eleventy-first name
 * costs nothing. Two requests racing to create the same name both end up with the one tag that won.
 */
@Component
public class TagResolver {

    private final TagNames names;
    private final Commands commands;

    TagResolver(TagNames names, Commands commands) {
        this.names = names;
        this.commands = commands;
    }

    /** Tag names of one request, each valid, no two the same ignoring case, and no more than a task may hold. */
    public record Names(List<String> values) {
    }

    public Names checked(Collection<String> tagNames) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String name : tagNames == null ? List.<String>of() : tagNames) {
            String valid = validName(name);
            byKey.putIfAbsent(valid.toLowerCase(Locale.ROOT), valid);
            if (byKey.size() > TaskRules.MAX_TAGS) {
                throw TaskstreamException.invalidField("tags", "A task has at most " + TaskRules.MAX_TAGS + " tags.");
            }
        }
        return new Names(List.copyOf(byKey.values()));
    }

    /** Ids of the named tags, each created first if the user has no tag of that name. */
    public Set<TagId> resolveOrCreate(UserId owner, Names tagNames) {
        Set<TagId> ids = new LinkedHashSet<>();
        for (String name : tagNames.values()) {
            ids.add(names.find(owner, name).orElseGet(() -> create(owner, name)));
        }
        return ids;
    }

    /** Ids of those named tags that exist; unknown names are skipped, as there is nothing to remove. */
    public Set<TagId> resolveExisting(UserId owner, Names tagNames) {
        Set<TagId> ids = new LinkedHashSet<>();
        for (String name : tagNames.values()) {
            names.find(owner, name).ifPresent(ids::add);
        }
        return ids;
    }

    private TagId create(UserId owner, String name) {
        TagId id = TagId.random();
        try {
            commands.send(new CreateTag(id, owner, name, null));
            return id;
        } catch (CommandExecutionException e) {
            boolean taken = Refusal.of(e).map(Refusal::code).orElse(null) == ErrorCode.TAG_NAME_TAKEN;
            Optional<TagId> winner = taken ? names.find(owner, name) : Optional.empty();
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
