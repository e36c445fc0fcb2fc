package dev.taskstream.api.series;

import dev.taskstream.api.TaskstreamException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRule.Part;
import org.dmfs.rfc5545.recur.RecurrenceRule.RfcMode;

/**
 * Reads RRULE text strictly with lib-recur and refuses what a task series cannot use. lib-recur's
 * messages do not always say which part is wrong, so on a refusal the part is found by leaving out
 * one part at a time until the rest reads.
 */
final class RuleReader {

    static final int MAX_INTERVAL = RecurrenceRequest.MAX_EVERY;
    static final int MAX_COUNT = 10_000;
    /** RFC 5545: a set holds at most the days of a year. */
    static final int MAX_SET_POSITION = 366;
    private static final String PREFIX = "RRULE:";
    private static final Set<Freq> FREQUENCIES = EnumSet.of(Freq.DAILY, Freq.WEEKLY, Freq.MONTHLY, Freq.YEARLY);
    /** Time-of-day parts are missing on purpose: an occurrence's time comes from the task's due date. */
    private static final List<String> PARTS = List.of("FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST",
            "BYMONTH", "BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY", "BYSETPOS");

    private RuleReader() {
    }

    static RecurrenceRule read(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw TaskstreamException.invalidField(field, "Give an RFC 5545 rule such as FREQ=WEEKLY;BYDAY=MO.");
        }
        List<String> parts = parts(raw);
        for (String part : parts) {
            if (!PARTS.contains(name(part))) {
                throw TaskstreamException.invalidField(field, "The rule part " + name(part)
                        + " is not supported here; a series takes " + String.join(", ", PARTS) + ".");
            }
        }
        RecurrenceRule rule;
        try {
            rule = strict(parts);
        } catch (InvalidRecurrenceRuleException e) {
            throw TaskstreamException.invalidField(field, culprit(parts)
                    .map(name -> "The rule part " + name + " is invalid: ")
                    .orElse("The rule is invalid: ") + e.getMessage());
        }
        if (!FREQUENCIES.contains(rule.getFreq())) {
            throw TaskstreamException.invalidField(field,
                    "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY; the time of day comes from the due date.");
        }
        checkBounds(rule, field);
        return rule;
    }

    /**
     * Bounds that keep every expansion cheap and inside the calendar: lib-recur itself takes any INTERVAL (a
     * preview of INTERVAL=999999999 took 40 s and overflowed into wrong years) and fails on a BYSETPOS past 366.
     */
    private static void checkBounds(RecurrenceRule rule, String field) {
        if (rule.getInterval() > MAX_INTERVAL) {
            throw TaskstreamException.invalidField(field, "INTERVAL is at most " + MAX_INTERVAL + ".");
        }
        if (rule.getCount() != null && (rule.getCount() < 1 || rule.getCount() > MAX_COUNT)) {
            throw TaskstreamException.invalidField(field, "COUNT runs from 1 to " + MAX_COUNT + ".");
        }
        List<Integer> positions = rule.getByPart(Part.BYSETPOS);
        if (positions != null && positions.stream().anyMatch(p -> p == 0 || Math.abs(p) > MAX_SET_POSITION)) {
            throw TaskstreamException.invalidField(field,
                    "BYSETPOS values run from 1 to " + MAX_SET_POSITION + " or -" + MAX_SET_POSITION + " to -1.");
        }
    }

    private static List<String> parts(String raw) {
        String text = raw.strip();
        if (text.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            text = text.substring(PREFIX.length());
        }
        return Arrays.stream(text.split(";")).map(String::strip).filter(part -> !part.isEmpty()).toList();
    }

    private static String name(String part) {
        return part.split("=", 2)[0].strip().toUpperCase(Locale.ROOT);
    }

    private static RecurrenceRule strict(List<String> parts) throws InvalidRecurrenceRuleException {
        return new RecurrenceRule(String.join(";", parts), RfcMode.RFC5545_STRICT);
    }

    private static Optional<String> culprit(List<String> parts) {
        for (String suspect : parts) {
            List<String> rest = new ArrayList<>(parts);
            rest.remove(suspect);
            try {
                strict(rest);
                return Optional.of(name(suspect));
            } catch (InvalidRecurrenceRuleException stillInvalid) {
                // the fault lies elsewhere
            }
        }
        return Optional.empty();
    }
}
