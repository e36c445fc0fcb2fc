package dev.taskstream.api.tasks;

import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskId;
import org.axonframework.serialization.Revision;

/** A tag was put on the task. */
@Revision("1")
public record TaskTagged(TaskId taskId, TagId tagId) {
}
