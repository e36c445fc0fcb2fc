package dev.taskstream.query.rebuild;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Many rows of one recorded statement sent as a single statement over arrays: {@code UPDATE t SET c = ? WHERE k = ?}
 * becomes {@code UPDATE t SET c = deferred_row.arg_1 FROM unnest(?::text[], ?::uuid[]) AS deferred_row(arg_1, arg_2)
 * WHERE k = deferred_row.arg_2}, and {@code INSERT ... VALUES (?, ?)} becomes
 * {@code INSERT ... SELECT deferred_row.arg_1, deferred_row.arg_2 FROM unnest(...)}.
 * PostgreSQL then plans and runs the statement once per page rather than once per row, which was most of its time in
 * a rebuild. It is only right where no two rows change the same table row: true of one statement text within one
 * wave of {@link DeferredStatements}, where each aggregate appears at most once. Statements of any other shape, or
 * with a value of a type not mapped here, are sent as a JDBC batch as before ({@link #of} is empty).
 */
final class SetBasedWrite {

    private static final String ROW = "deferred_row";
    private static final Pattern UPDATE = Pattern.compile("(?is)^\\s*UPDATE\\s.+\\sWHERE\\s.+$");
    private static final Pattern INSERT_VALUES = Pattern.compile("(?is)^(\\s*INSERT\\s+INTO\\s.+?\\s)VALUES\\s*\\(");
    private static final Pattern WHERE = Pattern.compile("(?i)\\sWHERE\\s");
    /** PostgreSQL array element types of the values a projection binds. */
    private static final Map<Class<?>, String> TYPES = Map.of(
            String.class, "text",
            Long.class, "int8",
            Integer.class, "int4",
            Boolean.class, "bool",
            UUID.class, "uuid",
            OffsetDateTime.class, "timestamptz",
            LocalDate.class, "date",
            LocalTime.class, "time",
            UUID[].class, "uuid[]");

    private final String sql;
    private final String[] types;
    private final Object[][] columns;

    private SetBasedWrite(String sql, String[] types, Object[][] columns) {
        this.sql = sql;
        this.types = types;
        this.columns = columns;
    }

    /** The rows as one statement, if the statement's shape and every value's type allow it. */
    static Optional<SetBasedWrite> of(String sql, List<List<DeferredStatements.Call>> rows) {
        int[] placeholders = placeholders(sql);
        if (placeholders == null || placeholders.length == 0 || rows.isEmpty()) {
            return Optional.empty();
        }
        int parameters = placeholders.length;
        Object[][] columns = new Object[parameters][rows.size()];
        for (int row = 0; row < rows.size(); row++) {
            boolean[] set = new boolean[parameters];
            for (DeferredStatements.Call call : rows.get(row)) {
                int index = (Integer) call.arguments()[0] - 1;
                if (index < 0 || index >= parameters || !isValueSetter(call.setter())) {
                    return Optional.empty();
                }
                columns[index][row] = call.setter().getName().equals("setNull") ? null : call.arguments()[1];
                set[index] = true;
            }
            for (boolean isSet : set) {
                if (!isSet) {
                    return Optional.empty();
                }
            }
        }
        String[] types = new String[parameters];
        String[] arguments = new String[parameters];
        for (int p = 0; p < parameters; p++) {
            Object[] column = columns[p];
            String argument = ROW + ".arg_" + (p + 1);
            if (Arrays.stream(column).allMatch(Objects::isNull)) {
                // A value that is null in every row has no type to bind; a NULL literal takes the column's.
                arguments[p] = "NULL";
                continue;
            }
            Optional<String> type = typeOf(column);
            if (type.isEmpty()) {
                return Optional.empty();
            }
            if (type.get().equals("uuid[]")) {
                // An array cannot be an element of an array: each goes as its text form, cast back.
                Arrays.setAll(column, row -> column[row] == null ? null : uuidArrayText((UUID[]) column[row]));
                types[p] = "text";
                arguments[p] = argument + "::uuid[]";
            } else {
                types[p] = type.get();
                arguments[p] = argument;
            }
        }
        return rewrite(sql, placeholders, arguments, types).map(rewritten -> new SetBasedWrite(rewritten, types, columns));
    }

    private static String uuidArrayText(UUID[] ids) {
        return Arrays.stream(ids).map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    void send(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (int p = 0; p < types.length; p++) {
                if (types[p] != null) {
                    statement.setArray(index++, connection.createArrayOf(types[p], columns[p]));
                }
            }
            statement.executeUpdate();
        }
    }

    String sql() {
        return sql;
    }

    private static boolean isValueSetter(Method setter) {
        return switch (setter.getName()) {
            case "setString", "setLong", "setInt", "setBoolean" -> setter.getParameterCount() == 2;
            case "setObject" -> setter.getParameterCount() <= 3;
            case "setNull" -> true;
            default -> false;
        };
    }

    /** The one element type of a column's values that are not null; empty if one has no type here, or they differ. */
    private static Optional<String> typeOf(Object[] values) {
        String type = null;
        for (Object value : values) {
            if (value == null) {
                continue;
            }
            String valueType = TYPES.get(value.getClass());
            if (valueType == null || type != null && !type.equals(valueType)) {
                return Optional.empty();
            }
            type = valueType;
        }
        return Optional.ofNullable(type);
    }

    private static Optional<String> rewrite(String sql, int[] placeholders, String[] arguments, String[] types) {
        List<Integer> bound = IntStream.range(0, types.length).filter(p -> types[p] != null).boxed().toList();
        if (bound.isEmpty()) {
            return Optional.empty();
        }
        String unnest = " FROM unnest(" + bound.stream().map(p -> "?::" + types[p] + "[]").collect(Collectors.joining(", "))
                + ") AS " + ROW + "(" + bound.stream().map(p -> "arg_" + (p + 1)).collect(Collectors.joining(", ")) + ")";
        String statement = substitute(sql, placeholders, arguments);
        Matcher where = WHERE.matcher(statement);
        if (UPDATE.matcher(statement).matches() && where.find()) {
            int at = where.start();
            return where.find() ? Optional.empty()
                    : Optional.of(statement.substring(0, at) + unnest + statement.substring(at));
        }
        Matcher insert = INSERT_VALUES.matcher(statement);
        if (insert.find()) {
            int close = closing(statement, insert.end() - 1);
            return close < 0 ? Optional.empty() : Optional.of(insert.group(1) + "SELECT "
                    + statement.substring(insert.end(), close) + unnest + statement.substring(close + 1));
        }
        return Optional.empty();
    }

    /** The statement with each placeholder replaced by its expression. */
    private static String substitute(String sql, int[] placeholders, String[] expressions) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int p = 0; p < placeholders.length; p++) {
            out.append(sql, from, placeholders[p]).append(expressions[p]);
            from = placeholders[p] + 1;
        }
        return out.append(sql.substring(from)).toString();
    }

    /** Where the placeholders outside quotes are; null for text not rewritten here (quoted names, comments, jsonb's ?). */
    private static int[] placeholders(String sql) {
        if (sql.indexOf('"') >= 0 || sql.contains("?|") || sql.contains("?&") || sql.contains("??")
                || sql.contains("--") || sql.contains("/*")) {
            return null;
        }
        int[] found = new int[sql.length()];
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            if (sql.charAt(i) == '\'') {
                quoted = !quoted;
            } else if (sql.charAt(i) == '?' && !quoted) {
                found[count++] = i;
            }
        }
        return Arrays.copyOf(found, count);
    }

    /** The parenthesis that closes the one at {@code open}; those inside quoted literals do not count. */
    private static int closing(String text, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
