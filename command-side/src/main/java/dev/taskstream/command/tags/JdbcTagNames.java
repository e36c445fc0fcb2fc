package dev.taskstream.command.tags;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcTagNames implements TagNames {

    private final JdbcClient jdbc;

    JdbcTagNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Never lets the unique index fail the statement: a failed statement would abort the whole transaction, which
     * may hold a whole request's writes (see Commands.atomically). A taken name is found, then refused.
     */
    @Override
    public void claim(UserId owner, String name, TagId tag) {
        int claimed = jdbc.sql("""
                INSERT INTO tag_name_registry (owner_id, lower_name, tag_id) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(owner.value(), key(name), tag.value())
                .update();
        if (claimed == 1) {
            return;
        }
        Optional<TagId> holder = find(owner, name);
        if (holder.isPresent() && !holder.get().equals(tag)) {
            throw taken(name);
        }
        try {
            jdbc.sql("UPDATE tag_name_registry SET lower_name = ? WHERE tag_id = ?").params(key(name), tag.value()).update();
        } catch (DuplicateKeyException renamedConcurrently) {
            throw taken(name);
        }
    }

    private static TaskstreamException taken(String name) {
        return new TaskstreamException(ErrorCode.TAG_NAME_TAKEN, "name", "You have a tag named '" + name + "' already.");
    }

    @Override
    public void release(TagId tag) {
        jdbc.sql("DELETE FROM tag_name_registry WHERE tag_id = ?").param(tag.value()).update();
    }

    @Override
    public Optional<TagId> find(UserId owner, String name) {
        return jdbc.sql("SELECT tag_id FROM tag_name_registry WHERE owner_id = ? AND lower_name = ?")
                .params(owner.value(), key(name))
                .query(UUID.class)
                .optional()
                .map(TagId::new);
    }

    @Override
    public Set<TagId> existing(Set<TagId> tags) {
        if (tags.isEmpty()) {
            return Set.of();
        }
        UUID[] ids = tags.stream().map(TagId::value).toArray(UUID[]::new);
        return jdbc.sql("SELECT tag_id FROM tag_name_registry WHERE tag_id = ANY(?)")
                .param(ids)
                .query(UUID.class)
                .list().stream()
                .map(TagId::new)
                .collect(Collectors.toSet());
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
