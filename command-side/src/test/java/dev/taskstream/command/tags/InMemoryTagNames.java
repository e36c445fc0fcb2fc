package dev.taskstream.command.tags;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The registry's rules without a database, for aggregate fixtures. */
public class InMemoryTagNames implements TagNames {

    private final Map<String, TagId> byOwnerAndName = new HashMap<>();

    @Override
    public void claim(UserId owner, String name, TagId tag) {
        String key = owner + "/" + name.strip().toLowerCase(Locale.ROOT);
        TagId holder = byOwnerAndName.get(key);
        if (holder != null && !holder.equals(tag)) {
            throw new TaskstreamException(ErrorCode.TAG_NAME_TAKEN, "name", "taken");
        }
        release(tag);
        byOwnerAndName.put(key, tag);
    }

    @Override
    public void release(TagId tag) {
        byOwnerAndName.values().remove(tag);
    }

    @Override
    public Optional<TagId> find(UserId owner, String name) {
        return Optional.ofNullable(byOwnerAndName.get(owner + "/" + name.strip().toLowerCase(Locale.ROOT)));
    }

    @Override
    public Set<TagId> existing(Set<TagId> tags) {
        Set<TagId> existing = new HashSet<>(tags);
        existing.retainAll(byOwnerAndName.values());
        return existing;
    }
}
