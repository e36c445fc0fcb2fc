package dev.taskstream.api.series;

import dev.taskstream.api.SeriesId;

/** What every write to a series answers: which series, and its version after the write. */
public record SeriesWriteResult(SeriesId id, long version) {
}
