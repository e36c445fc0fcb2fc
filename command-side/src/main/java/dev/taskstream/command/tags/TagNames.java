package dev.taskstream.command.tags;

import dev.taskstream.api.TagId;
import dev.taskstream.api.UserId;
import java.util.Optional;
import java.util.Set;

/**
 * Which names a user's tags have: the set-wide rule (unique names, ignoring case) that a single Tag
 * aggregate cannot check alone. Claims take part in the command's transaction.
 */
public interface TagNames {

    /** Claims {@code name} for {@code tag}, or throws {@code TAG_NAME_TAKEN} if another tag has it. */
    void claim(UserId owner, String name, TagId tag);

    void release(TagId tag);

    Optional<TagId> find(UserId owner, String name);

    /** The subset of {@code tags} that still exist. */
    Set<TagId> existing(Set<TagId> tags);
}
