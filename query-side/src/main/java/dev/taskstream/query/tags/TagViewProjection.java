package dev.taskstream.query.tags;

import dev.taskstream.api.TagId;
import dev.taskstream.api.tags.TagCreated;
import dev.taskstream.api.tags.TagDeleted;
import dev.taskstream.api.tags.TagRecoloured;
import dev.taskstream.api.tags.TagRenamed;
import dev.taskstream.query.stream.Change;
import dev.taskstream.query.stream.ChangeLog;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.annotation.Autowired;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Folds tag events into {@code tag_view}. Tasks keep tag ids, so a rename is one row here and shows
 * on every task at once. Shares the task list's processor, so both rebuild together.
 */
@Component
@ProcessingGroup(TagViewProjection.PROCESSING_GROUP)
class TagViewProjection {

    static final String PROCESSING_GROUP = "task-view";

    private final Tags tags;
    private final ChangeLog changes;

    /** A projection into scratch or shadow tables (rebuilds), which devices are not told about. */
    TagViewProjection(Tags tags) {
        this(tags, ChangeLog.none());
    }

    @Autowired
    TagViewProjection(Tags tags, ChangeLog changes) {
        this.tags = tags;
        this.changes = changes;
    }

    @EventHandler
    void on(TagCreated event) {
        tags.insert(event);
        changed(event.tagId());
    }

    @EventHandler
    void on(TagRenamed event) {
        tags.rename(event.tagId(), event.name());
        changed(event.tagId());
    }

    @EventHandler
    void on(TagRecoloured event) {
        tags.recolour(event.tagId(), event.colour());
        changed(event.tagId());
    }

    /** Devices take the tag off their tasks themselves: one message, not one per task. */
    @EventHandler
    void on(TagDeleted event) {
        tags.delete(event.tagId()).ifPresent(owner -> changes.record(key(event.tagId()),
                () -> new Change(owner, "tag.deleted", Map.of("id", event.tagId()))));
    }

    private void changed(TagId id) {
        changes.record(key(id), () -> tags.upserted(id).orElse(null));
    }

    private static String key(TagId id) {
        return "tag:" + id.value();
    }

    @ResetHandler
    void reset() {
        tags.deleteAll();
    }
}
