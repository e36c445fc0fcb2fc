package dev.taskstream.query.tags;

import dev.taskstream.api.TagId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tags.TagCreated;
import dev.taskstream.api.tags.TagRef;
import dev.taskstream.api.tags.TagView;
import dev.taskstream.query.stream.Change;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over {@code tag_view}, always scoped to an owner. The projection's writes go to tables named in fields, so
 * that a rebuild can fold events into new copies of both tables it touches.
 */
@Repository
public class Tags {

    private final JdbcClient jdbc;
    private final String tagTable;
    private final String taskTable;

    @Autowired
    Tags(JdbcClient jdbc) {
        this(jdbc, "tag_view", "task_view");
    }

    Tags(JdbcClient jdbc, String tagTable, String taskTable) {
        this.jdbc = jdbc;
        this.tagTable = tagTable;
        this.taskTable = taskTable;
    }

    void insert(TagCreated event) {
        jdbc.sql("INSERT INTO " + tagTable + " (tag_id, owner_id, name, colour) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(event.tagId().value(), event.ownerId().value(), event.name(), event.colour())
                .update();
    }

    void rename(TagId tag, String name) {
        jdbc.sql("UPDATE " + tagTable + " SET name = ? WHERE tag_id = ?").params(name, tag.value()).update();
    }

    void recolour(TagId tag, String colour) {
        jdbc.sql("UPDATE " + tagTable + " SET colour = ? WHERE tag_id = ?").params(colour, tag.value()).update();
    }

    /**
     * Takes the tag off every task too; task versions stay, as no task event caused this. Answers the tag's
     * owner, or nothing if there was no such tag.
     */
    Optional<UserId> delete(TagId tag) {
        jdbc.sql("UPDATE " + taskTable + " SET tag_ids = array_remove(tag_ids, ?) WHERE tag_ids @> ARRAY[?]::uuid[]")
                .params(tag.value(), tag.value())
                .update();
        return jdbc.sql("DELETE FROM " + tagTable + " WHERE tag_id = ? RETURNING owner_id")
                .param(tag.value())
                .query((row, n) -> new UserId(row.getObject("owner_id", UUID.class)))
                .optional();
    }

    /** The tag as tasks show it, with its owner. */
    Optional<Change> upserted(TagId tag) {
        return jdbc.sql("SELECT owner_id, name, colour FROM " + tagTable + " WHERE tag_id = ?")
                .param(tag.value())
                .query((row, n) -> new Change(new UserId(row.getObject("owner_id", UUID.class)), "tag.upserted",
                        Map.of("tag", new TagRef(tag, row.getString("name"), row.getString("colour")))))
                .optional();
    }

    void deleteAll() {
        jdbc.sql("TRUNCATE " + tagTable).update();
    }

    /** The owner's tags by id: few enough per user to load whole for every page of tasks. */
    public Map<UUID, TagRef> byId(UserId owner) {
        Map<UUID, TagRef> tags = new HashMap<>();
        jdbc.sql("SELECT tag_id, name, colour FROM " + tagTable + " WHERE owner_id = ?")
                .param(owner.value())
                .query(row -> {
                    TagId id = new TagId(row.getObject("tag_id", UUID.class));
                    tags.put(id.value(), new TagRef(id, row.getString("name"), row.getString("colour")));
                });
        return tags;
    }

    List<TagView> withTaskCounts(UserId owner) {
        return jdbc.sql("""
                        SELECT t.tag_id, t.name, t.colour,
                               (SELECT count(*) FROM task_view v
                                 WHERE v.owner_id = t.owner_id AND v.tag_ids @> ARRAY[t.tag_id]) AS task_count
                          FROM tag_view t
                         WHERE t.owner_id = ?
                         ORDER BY lower(t.name)""")
                .param(owner.value())
                .query((row, n) -> new TagView(new TagId(row.getObject("tag_id", UUID.class)),
                        row.getString("name"), row.getString("colour"), row.getLong("task_count")))
                .list();
    }
}
