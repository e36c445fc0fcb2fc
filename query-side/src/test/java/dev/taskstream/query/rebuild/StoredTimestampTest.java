package dev.taskstream.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

class StoredTimestampTest {

    @Test
    void readsWhatAxonWritesAsAxonReadsIt() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(-62_000_000_000_000L, 250_000_000_000_000L));
            String stored = DateTimeUtils.formatInstant(instant);
            assertThat(StoredTimestamp.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
        assertThat(StoredTimestamp.parse("2024-02-29T23:59:59.999Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.999Z"));
    }

    @Test
    void otherShapesGoToAxonsParser() {
        assertThat(StoredTimestamp.parse("2026-03-01T10:00:00Z")).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(StoredTimestamp.parse("2026-03-01T11:00:00.5+01:00"))
                .isEqualTo(Instant.parse("2026-03-01T10:00:00.500Z"));
        assertThat(StoredTimestamp.parse("2026-03-01T10:00:00.123456789Z"))
                .isEqualTo(Instant.parse("2026-03-01T10:00:00Z").plus(123_456_789, ChronoUnit.NANOS));
        assertThatThrownBy(() -> StoredTimestamp.parse("2026-02-30T10:00:00.000Z")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> StoredTimestamp.parse("2026-03-01T24:00:00.000Z")).isInstanceOf(DateTimeException.class);
    }
}
