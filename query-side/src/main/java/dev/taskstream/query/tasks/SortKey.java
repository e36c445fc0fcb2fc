package dev.taskstream.query.tasks;

import java.util.Locale;

/** One key of a task list's order: a column expression, its SQL type (for cursor values) and a direction. */
record SortKey(Field field, boolean descending) {

    enum Field {
        DUE("coalesce(due_at, 'infinity')", "timestamptz"),
        PRIORITY("priority", "smallint"),
        CREATED("created_at", "timestamptz"),
        UPDATED("updated_at", "timestamptz"),
        TITLE("lower(title)", "text");

        final String expression;
        final String sqlType;

        Field(String expression, String sqlType) {
            this.expression = expression;
            this.sqlType = sqlType;
        }
    }

    static final SortKey NEWEST_FIRST = new SortKey(Field.CREATED, true);

    /** {@code due}, {@code -priority}: a leading minus sorts descending. */
    static SortKey parse(String raw) {
        boolean descending = raw.startsWith("-");
        String name = descending ? raw.substring(1) : raw;
        for (Field field : Field.values()) {
            if (field.name().equalsIgnoreCase(name)) {
                return new SortKey(field, descending);
            }
        }
        return null;
    }

    String token() {
        return (descending ? "-" : "") + field.name().toLowerCase(Locale.ROOT);
    }
}
