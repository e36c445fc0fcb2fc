package dev.taskstream.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What every text and date a user sends must be, whatever field it goes into: something PostgreSQL and every
 * JSON reader can hold. PostgreSQL refuses a NUL character in text and years past its calendar range, so one such
 * value that reached a projection used to stop it for every user; these checks keep it out at the door.
 */
public final class InputRules {

    /** The calendar we accept: wide enough for any task, narrow enough for every database and client. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 9999;
    private static final Instant FIRST_INSTANT = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant END_INSTANT = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private InputRules() {
    }

    /** Text on one line: no control characters at all, and no unpaired surrogates. */
    public static String singleLine(String field, String text) {
        return checked(field, text, false);
    }

    /** Text that may run over lines: tabs and line breaks are allowed, other control characters are not. */
    public static String multiLine(String field, String text) {
        return checked(field, text, true);
    }

    public static boolean isSingleLine(String text) {
        try {
            singleLine("text", text);
            return true;
        } catch (TaskstreamException refused) {
            return false;
        }
    }

    public static LocalDate date(String field, LocalDate date) {
        if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
            throw outOfRange(field);
        }
        return date;
    }

    public static Instant instant(String field, Instant instant) {
        if (instant != null && (instant.isBefore(FIRST_INSTANT) || !instant.isBefore(END_INSTANT))) {
            throw outOfRange(field);
        }
        return instant;
    }

    private static TaskstreamException outOfRange(String field) {
        return TaskstreamException.invalidField(field,
                "Dates run from the year " + FIRST_YEAR + " to " + LAST_YEAR + ".");
    }

    private static String checked(String field, String text, boolean lineBreaksAllowed) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r'))) {
                throw TaskstreamException.invalidField(field, String.format(
                        "Control character U+%04X at position %d is not allowed here.", (int) c, i));
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    throw TaskstreamException.invalidField(field, String.format(
                            "Unpaired surrogate U+%04X at position %d: the text is not valid Unicode.", (int) c, i));
                }
                i++;
            }
        }
        return text;
    }
}
