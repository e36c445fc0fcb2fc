package dev.taskstream.api.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskstream.api.SeriesId;
import org.junit.jupiter.api.Test;

class OccurrenceTest {

    private final SeriesId series = SeriesId.random();

    @Test
    void theSameOccurrenceAlwaysHasTheSameTaskId() {
        assertThat(new Occurrence(series, 2).taskId()).isEqualTo(new Occurrence(SeriesId.of(series.toString()), 2).taskId());
    }

    @Test
    void everyOccurrenceOfEverySeriesHasItsOwnTaskId() {
        assertThat(new Occurrence(series, 1).taskId()).isNotEqualTo(new Occurrence(series, 2).taskId());
        assertThat(new Occurrence(series, 1).taskId()).isNotEqualTo(new Occurrence(SeriesId.random(), 1).taskId());
    }

    @Test
    void occurrencesCountFromOne() {
        assertThatThrownBy(() -> new Occurrence(series, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
