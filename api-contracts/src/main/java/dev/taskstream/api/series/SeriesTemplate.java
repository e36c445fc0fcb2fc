package dev.taskstream.api.series;

import dev.taskstream.api.TagId;
import dev.taskstream.api.tasks.Priority;
import dev.taskstream.api.tasks.ReminderSpec;
import java.util.List;
import java.util.Set;

/**
 * What every occurrence of a series starts with; {@code description} may be null. {@code reminders} count back from
 * each occurrence's own due date. They came with revision 2 of the events that hold a template (SeriesCreated,
 * SeriesTemplateChanged, OccurrenceScheduled); a revision 1 event has none and reads as an empty list, so the step
 * from 1 to 2 needs no upcaster.
 */
public record SeriesTemplate(String title, String description, Priority priority, Set<TagId> tags,
                             List<ReminderSpec> reminders) {

    public SeriesTemplate {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        priority = priority == null ? Priority.NONE : priority;
        reminders = reminders == null ? List.of() : List.copyOf(reminders);
    }

    /** A template without reminders. */
    public SeriesTemplate(String title, String description, Priority priority, Set<TagId> tags) {
        this(title, description, priority, tags, List.of());
    }
}
