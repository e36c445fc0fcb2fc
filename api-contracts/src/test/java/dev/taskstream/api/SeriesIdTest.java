package dev.taskstream.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeriesIdTest {

    private final SeriesId series = SeriesId.random();

    @Test
    void theSameOccurrenceAlwaysHasTheSameTaskId() {
        assertThat(series.occurrenceTaskId(2)).isEqualTo(SeriesId.of(series.toString()).occurrenceTaskId(2));
    }

    @Test
    void everyOccurrenceOfEverySeriesHasItsOwnTaskId() {
        assertThat(series.occurrenceTaskId(2)).isNotEqualTo(series.occurrenceTaskId(3));
        assertThat(series.occurrenceTaskId(2)).isNotEqualTo(SeriesId.random().occurrenceTaskId(2));
    }

    @Test
    void theSameFirstTaskAlwaysStartsTheSameSeries() {
        TaskId first = TaskId.random();
        assertThat(SeriesId.startedBy(first)).isEqualTo(SeriesId.startedBy(TaskId.of(first.toString())));
        assertThat(SeriesId.startedBy(first).value()).isNotEqualTo(first.value());
    }
}
