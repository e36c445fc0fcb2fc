package dev.taskstream.query.tasks;

import dev.taskstream.api.InputRules;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.tasks.Priority;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a client asked of {@code GET /api/tasks}, validated: every refusal names the parameter at fault.
 * Multi-valued parameters may repeat or be comma-separated.
 */
record TaskListQuery(
        String text,
        Status status,
        Set<Priority> priorities,
        Set<String> tags,
        boolean allTags,
        DueBound dueFrom,
        DueBound dueTo,
        Boolean overdue,
        Boolean hasDue,
        List<SortKey> sort,
        boolean byRelevance,
        int limit,
        String cursor,
        boolean count) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final int MAX_TEXT_LENGTH = 200;
    static final int MAX_TAGS = 50;
    private static final Set<String> PARAMETERS = Set.of("q", "status", "priority", "tag", "tagMode", "dueFrom",
            "dueTo", "overdue", "hasDue", "sort", "limit", "cursor", "count");

    enum Status { OPEN, COMPLETED, ALL }

    /** A bound on the due date: a calendar date compares with the date the user gave, an instant with the deadline. */
    record DueBound(LocalDate date, Instant instant) {
    }

    static TaskListQuery parse(Map<String, List<String>> parameters) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw TaskstreamException.invalidField(name, "Unknown parameter '" + name + "'. Known: " + PARAMETERS + ".");
            }
        }
        Values values = new Values(parameters);
        String text = values.single("q", Function.identity());
        if (text != null && (text.isBlank() || text.length() > MAX_TEXT_LENGTH)) {
            throw TaskstreamException.invalidField("q", "A search needs 1 to " + MAX_TEXT_LENGTH + " characters.");
        }
        List<SortKey> sort = values.list("sort", raw -> SortKey.parse(raw),
                "due, priority, created, updated or title, with a leading - for descending");
        boolean byRelevance = text != null && sort.isEmpty();
        if (sort.isEmpty()) {
            sort = List.of(SortKey.NEWEST_FIRST);
        }
        return new TaskListQuery(
                text,
                orDefault(values.single("status", raw -> enumValue(Status.class, raw)), Status.ALL),
                EnumSet.copyOf(withAll(values.list("priority", raw -> enumValue(Priority.class, raw), "HIGH, MEDIUM, LOW or NONE"))),
                tags(values.repeated("tag", raw -> raw.isBlank() ? null : raw.strip(), "a tag name")),
                "all".equals(orDefault(values.single("tagMode", raw -> raw.equals("any") || raw.equals("all") ? raw : null), "any")),
                values.single("dueFrom", TaskListQuery::dueBound),
                values.single("dueTo", TaskListQuery::dueBound),
                values.single("overdue", TaskListQuery::bool),
                values.single("hasDue", TaskListQuery::bool),
                sort,
                byRelevance,
                orDefault(values.single("limit", TaskListQuery::limit), DEFAULT_LIMIT),
                values.single("cursor", Function.identity()),
                Boolean.TRUE.equals(values.single("count", TaskListQuery::bool)));
    }

    private static Set<String> tags(List<String> names) {
        if (names.size() > MAX_TAGS) {
            throw TaskstreamException.invalidField("tag", "Filter by at most " + MAX_TAGS + " tags.");
        }
        return new LinkedHashSet<>(names);
    }

    private static List<Priority> withAll(List<Priority> priorities) {
        return priorities.isEmpty() ? List.of(Priority.values()) : priorities;
    }

    boolean filtersPriority() {
        return priorities.size() < Priority.values().length;
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String raw) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(raw)) {
                return constant;
            }
        }
        return null;
    }

    private static Boolean bool(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static Integer limit(String raw) {
        try {
            int limit = Integer.parseInt(raw);
            return limit >= 1 && limit <= MAX_LIMIT ? limit : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A bound outside the calendar the write side accepts matches nothing PostgreSQL could compare it with. */
    private static DueBound dueBound(String raw) {
        try {
            DueBound bound = raw.length() == 10
                    ? new DueBound(LocalDate.parse(raw), null)
                    : new DueBound(null, OffsetDateTime.parse(raw).toInstant());
            LocalDate day = bound.date() != null ? bound.date() : bound.instant().atOffset(ZoneOffset.UTC).toLocalDate();
            return day.getYear() >= InputRules.FIRST_YEAR && day.getYear() <= InputRules.LAST_YEAR ? bound : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Reads parameters, refusing any value its parser returns null for, naming the parameter. */
    private record Values(Map<String, List<String>> parameters) {

        private static final String DUE_BOUND = "a date (2026-12-24) or a date-time with offset"
                + " (2026-12-24T18:00:00+01:00), in the years " + InputRules.FIRST_YEAR + " to " + InputRules.LAST_YEAR;
        private static final Map<String, String> EXPECTED = Map.of(
                "status", "open, completed or all",
                "tagMode", "any or all",
                "dueFrom", DUE_BOUND,
                "dueTo", DUE_BOUND,
                "overdue", "true or false",
                "hasDue", "true or false",
                "limit", "a whole number from 1 to " + MAX_LIMIT,
                "count", "true or false");

        <T> T single(String name, Function<String, T> parser) {
            List<String> raw = parameters.getOrDefault(name, List.of());
            if (raw.isEmpty()) {
                return null;
            }
            if (raw.size() > 1) {
                throw TaskstreamException.invalidField(name, "Give '" + name + "' once.");
            }
            T value = parser.apply(raw.get(0));
            if (value == null) {
                throw TaskstreamException.invalidField(name,
                        "'" + raw.get(0) + "' is not valid for " + name + "; expected " + EXPECTED.get(name) + ".");
            }
            return value;
        }

        /** Values given as repeated or comma-separated parameters. */
        <T> List<T> list(String name, Function<String, T> parser, String expected) {
            List<String> parts = parameters.getOrDefault(name, List.of()).stream()
                    .flatMap(raw -> Arrays.stream(raw.split(",")))
                    .map(String::strip)
                    .toList();
            return parsed(name, parts, parser, expected);
        }

        /** Values given as repeated parameters only, for values that may contain commas. */
        <T> List<T> repeated(String name, Function<String, T> parser, String expected) {
            return parsed(name, parameters.getOrDefault(name, List.of()), parser, expected);
        }

        private static <T> List<T> parsed(String name, List<String> raws, Function<String, T> parser, String expected) {
            List<T> values = new ArrayList<>();
            for (String raw : raws) {
                T value = parser.apply(raw);
                if (value == null) {
                    throw TaskstreamException.invalidField(name,
                            "'" + raw + "' is not valid for " + name + "; expected " + expected + ".");
                }
                values.add(value);
            }
            return values;
        }
    }
}
