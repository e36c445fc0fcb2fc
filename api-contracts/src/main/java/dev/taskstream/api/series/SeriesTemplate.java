package dev.taskstream.api.series;

import dev.taskstream.api.TagId;
import dev.taskstream.api.tasks.Priority;
import java.util.Set;

/** What every occurrence of a series starts with; {@code description} may be null. */
public record SeriesTemplate(String title, String description, Priority priority, Set<TagId> tags) {

    public SeriesTemplate {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        priority = priority == null ? Priority.NONE : priority;
    }
}
