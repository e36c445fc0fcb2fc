package dev.taskstream.api.tasks;

import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskId;
import org.axonframework.serialization.Revision;

/** A tag was taken off the task. */
@Revision("1")
public record TaskUntagged(TaskId taskId, TagId tagId) {
}
