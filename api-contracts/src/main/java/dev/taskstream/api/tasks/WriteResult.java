package dev.taskstream.api.tasks;

import dev.taskstream.api.TaskId;

/** What every write answers: which task, and its version after the write (for If-Match and read-your-writes). */
public record WriteResult(TaskId id, long version) {
}
