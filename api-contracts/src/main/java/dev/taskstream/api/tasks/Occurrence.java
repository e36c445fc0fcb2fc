package dev.taskstream.api.tasks;

import dev.taskstream.api.SeriesId;
import java.util.Objects;

/** Which occurrence of which recurring series a task is; the first occurrence has index 1. */
public record Occurrence(SeriesId seriesId, int index) {

    public Occurrence {
        Objects.requireNonNull(seriesId, "series id");
        if (index < 1) {
            throw new IllegalArgumentException("Occurrences count from 1, not " + index);
        }
    }
}
