package dev.taskstream.api.tasks;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskstream.api.SeriesId;
import org.junit.jupiter.api.Test;

class OccurrenceTest {

    @Test
    void occurrencesCountFromOne() {
        assertThatThrownBy(() -> new Occurrence(SeriesId.random(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
