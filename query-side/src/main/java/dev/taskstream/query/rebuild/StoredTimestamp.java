package dev.taskstream.query.rebuild;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.common.DateTimeUtils;

/**
 * Reads an event's stored {@code time_stamp}. Axon parses it with {@code ISO_OFFSET_DATE_TIME} each time an event
 * is read, which was a fifth of a rebuild's folding time; the one shape Axon writes
 * ({@code 2026-03-01T10:00:00.123Z}) is read here digit by digit, and anything else still goes to Axon's parser.
 */
final class StoredTimestamp {

    private static final String SHAPE = "dddd-dd-ddTdd:dd:dd.dddZ";

    private StoredTimestamp() {
    }

    static Instant parse(String text) {
        if (!hasAxonsShape(text)) {
            return DateTimeUtils.parseInstant(text);
        }
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        if (hour > 23 || minute > 59 || second > 59) {
            return DateTimeUtils.parseInstant(text);
        }
        long day;
        try {
            day = LocalDate.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2)).toEpochDay();
        } catch (DateTimeException notADate) {
            return DateTimeUtils.parseInstant(text);
        }
        return Instant.ofEpochSecond(day * 86_400 + hour * 3_600L + minute * 60L + second,
                number(text, 20, 3) * 1_000_000L);
    }

    private static boolean hasAxonsShape(String text) {
        if (text.length() != SHAPE.length()) {
            return false;
        }
        for (int i = 0; i < SHAPE.length(); i++) {
            char expected = SHAPE.charAt(i);
            char actual = text.charAt(i);
            if (expected == 'd' ? actual < '0' || actual > '9' : actual != expected) {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int digits) {
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }
}
