package dev.taskstream.api.tasks;

import dev.taskstream.api.SeriesId;
import dev.taskstream.api.TaskId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** Which occurrence of which recurring series a task is; the first occurrence has index 1. */
public record Occurrence(SeriesId seriesId, int index) {

    public Occurrence {
        Objects.requireNonNull(seriesId, "series id");
        if (index < 1) {
            throw new IllegalArgumentException("Occurrences count from 1, not " + index);
        }
    }

    /**
     * The task id of this occurrence: a name-based UUID of "seriesId:index", the same on every computation, so
     * a redelivered event, a restart or a replay that creates it again hits the id already taken.
     */
    public TaskId taskId() {
        return new TaskId(UUID.nameUUIDFromBytes((seriesId + ":" + index).getBytes(StandardCharsets.UTF_8)));
    }
}
