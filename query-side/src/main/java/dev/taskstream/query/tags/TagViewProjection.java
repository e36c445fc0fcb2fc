package dev.taskstream.query.tags;

import dev.taskstream.api.tags.TagCreated;
import dev.taskstream.api.tags.TagDeleted;
import dev.taskstream.api.tags.TagRecoloured;
import dev.taskstream.api.tags.TagRenamed;
import org.axonframework.config.ProcessingGroup;
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

    TagViewProjection(Tags tags) {
        this.tags = tags;
    }

    @EventHandler
    void on(TagCreated event) {
        tags.insert(event);
    }

    @EventHandler
    void on(TagRenamed event) {
        tags.rename(event.tagId(), event.name());
    }

    @EventHandler
    void on(TagRecoloured event) {
        tags.recolour(event.tagId(), event.colour());
    }

    @EventHandler
    void on(TagDeleted event) {
        tags.delete(event.tagId());
    }

    @ResetHandler
    void reset() {
        tags.deleteAll();
    }
}
