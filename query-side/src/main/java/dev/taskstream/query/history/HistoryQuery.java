package dev.taskstream.query.history;

import dev.taskstream.api.TaskstreamException;
import java.util.List;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * {@code limit} (1 to 200, default 50) and {@code cursor} (the {@code nextCursor} of the page before: the sequence
 * number the next page starts at) of a history request. Unknown parameters are refused, as on the task list.
 */
public record HistoryQuery(int limit, long from) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Set<String> NAMES = Set.of("limit", "cursor");

    public static HistoryQuery parse(MultiValueMap<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (!NAMES.contains(name)) {
                throw TaskstreamException.invalidField(name, "Unknown parameter; a history takes limit and cursor.");
            }
        }
        String limit = single(parameters, "limit");
        String cursor = single(parameters, "cursor");
        return new HistoryQuery(
                limit == null ? DEFAULT_LIMIT : (int) number(limit, "limit", 1, MAX_LIMIT),
                cursor == null ? 0 : number(cursor, "cursor", 0, Long.MAX_VALUE));
    }

    private static String single(MultiValueMap<String, String> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            throw TaskstreamException.invalidField(name, "Give " + name + " once.");
        }
        return values.get(0);
    }

    private static long number(String raw, String name, long min, long max) {
        try {
            long value = Long.parseLong(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw TaskstreamException.invalidField(name, name.equals("cursor")
                ? "Use the nextCursor of the previous page." : "limit must be a whole number from 1 to " + MAX_LIMIT + ".");
    }
}
