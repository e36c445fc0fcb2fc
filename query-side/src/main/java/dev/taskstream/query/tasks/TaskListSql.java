package dev.taskstream.query.tasks;

import dev.taskstream.api.UserId;
import dev.taskstream.api.tasks.Priority;
import dev.taskstream.query.tasks.TaskListQuery.DueBound;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The SQL of one task list request. Built from fixed fragments only; every value the client sent is
 * a bound parameter. Keyset pagination: the page after a cursor starts strictly past its last row.
 */
final class TaskListSql {

    private final StringBuilder where = new StringBuilder("owner_id = ?");
    private final List<Object> whereParameters = new ArrayList<>();
    private final List<Object> fromParameters = new ArrayList<>();
    private final String from;
    private final List<SortKey> sort;
    private final boolean byRelevance;
    /** The search, or null when the client gave no {@code q}. */
    private final TextQuery text;

    /**
     * Relevance comes in two tiers, each a plain filter, so that every page stays an index-ordered scan that
     * stops after a page: ranking every match (ts_rank) reads every matching row, 8,000 of them for a common
     * word among 100,000 tasks.
     */
    enum Tier {
        /** The search matches within the title alone (weight A). */
        TITLE,
        /** The search matches, but not within the title. */
        DESCRIPTION
    }

    /**
     * @param tagIds the ids of the named tags that exist; null when no tag filter was given
     */
    TaskListSql(UserId owner, TaskListQuery query, List<UUID> tagIds) {
        whereParameters.add(owner.value());
        text = query.text() == null ? null : TextQuery.of(query.text());
        if (text == null) {
            from = "task_view";
        } else {
            from = "task_view CROSS JOIN " + text.joinSql();
            fromParameters.addAll(text.joinParameters());
        }
        sort = query.sort();
        byRelevance = query.byRelevance();
        switch (query.status()) {
            case OPEN -> and("status = 'OPEN'");
            case COMPLETED -> and("status = 'COMPLETED'");
            case ALL -> { }
        }
        if (query.filtersPriority()) {
            and("priority = ANY(?)", (Object) query.priorities().stream().map(Priority::rank).toArray(Integer[]::new));
        }
        if (tagIds != null) {
            and(query.allTags() ? "tag_ids @> ?" : "tag_ids && ?", (Object) tagIds.toArray(UUID[]::new));
        }
        dueBound(query.dueFrom(), ">=");
        dueBound(query.dueTo(), "<=");
        if (query.overdue() != null) {
            String overdue = "(status = 'OPEN' AND due_at < now())";
            and(query.overdue() ? overdue : "NOT coalesce(" + overdue + ", false)");
        }
        if (query.hasDue() != null) {
            and(query.hasDue() ? "due_at IS NOT NULL" : "due_at IS NULL");
        }
    }

    private void dueBound(DueBound bound, String operator) {
        if (bound == null) {
            return;
        }
        if (bound.date() != null) {
            and("due_date " + operator + " ?", bound.date());
        } else {
            and("due_at " + operator + " ?", Timestamp.from(bound.instant()));
        }
    }

    /** Appends a condition; an array value must be cast to Object so it binds as one SQL array. */
    private void and(String condition, Object... values) {
        where.append(" AND ").append(condition);
        whereParameters.addAll(Arrays.asList(values));
    }

    /** The order as a string, written into cursors so that a cursor only continues the list it came from. */
    String order() {
        String keys = sort.stream().map(SortKey::token).collect(Collectors.joining(","));
        return byRelevance ? "relevance," + keys : keys;
    }

    boolean byRelevance() {
        return byRelevance;
    }

    int keyCount() {
        return sort.size();
    }

    /** A page of one relevance tier, or of the whole list when {@code tier} is null. */
    Statement page(String columns, Tier tier, TaskListCursor after, int rows) {
        List<Object> parameters = new ArrayList<>(fromParameters);
        parameters.addAll(whereParameters);
        StringBuilder sql = new StringBuilder("SELECT ").append(columns);
        for (int i = 0; i < sort.size(); i++) {
            sql.append(", ").append(sort.get(i).field().expression).append("::text AS sort_key_").append(i);
        }
        sql.append(" FROM ").append(from).append(" WHERE ").append(where);
        String textCondition = textCondition(tier);
        if (textCondition != null) {
            sql.append(" AND ").append(textCondition);
        }
        if (after != null) {
            sql.append(" AND ").append(keyset(after, parameters));
        }
        sql.append(" ORDER BY ");
        for (SortKey key : sort) {
            sql.append(key.field().expression).append(key.descending() ? " DESC, " : " ASC, ");
        }
        sql.append("task_id ").append(tieBreakDescending() ? "DESC" : "ASC").append(" LIMIT ?");
        parameters.add(rows);
        return new Statement(sql.toString(), parameters);
    }

    Statement count() {
        List<Object> parameters = new ArrayList<>(fromParameters);
        parameters.addAll(whereParameters);
        String textCondition = textCondition(null);
        return new Statement("SELECT count(*) FROM " + from + " WHERE " + where
                + (textCondition == null ? "" : " AND " + textCondition), parameters);
    }

    /**
     * The search condition, written so the planner can estimate it: a match within the title implies a match,
     * so the title tier tests only that (two tests of one column multiply into a badly low estimate), unless
     * the search excludes words, which must stay excluded from the description too.
     */
    private String textCondition(Tier tier) {
        if (text == null) {
            return null;
        }
        String matches = matching("text_query.complete", "text_query.query");
        if (tier == null) {
            return matches;
        }
        String matchesInTitle = matching("text_query.complete_title_query", "text_query.title_query");
        return switch (tier) {
            case TITLE -> text.excludes() ? matchesInTitle + " AND " + matches : matchesInTitle;
            case DESCRIPTION -> matches + " AND NOT (" + matchesInTitle + ")";
        };
    }

    /**
     * {@code search @@ query}; or, when the complete words narrow the search, the index is offered only those
     * and the whole query is checked row by row: {@code ts_match_vq} is what {@code @@} calls, but a function
     * call is never turned into an index condition.
     */
    private String matching(String completeWords, String wholeQuery) {
        return text.narrowsByCompleteWords()
                ? "search @@ " + completeWords + " AND ts_match_vq(search, " + wholeQuery + ")"
                : "search @@ " + wholeQuery;
    }

    /**
     * Rows strictly after the cursor. One direction throughout becomes a row comparison, which an index
     * on the same columns serves; mixed directions expand into the equivalent OR chain.
     */
    private String keyset(TaskListCursor after, List<Object> parameters) {
        boolean uniform = sort.stream().allMatch(key -> key.descending() == tieBreakDescending());
        if (uniform) {
            String columns = sort.stream().map(key -> key.field().expression).collect(Collectors.joining(", "));
            String values = sort.stream().map(key -> "?::" + key.field().sqlType).collect(Collectors.joining(", "));
            parameters.addAll(after.keyValues());
            parameters.add(after.taskId());
            return "(" + columns + ", task_id) " + (tieBreakDescending() ? "<" : ">") + " (" + values + ", ?)";
        }
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i <= sort.size(); i++) {
            List<String> conjuncts = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                SortKey equal = sort.get(j);
                conjuncts.add(equal.field().expression + " = ?::" + equal.field().sqlType);
                parameters.add(after.keyValues().get(j));
            }
            if (i < sort.size()) {
                SortKey past = sort.get(i);
                conjuncts.add(past.field().expression + (past.descending() ? " < " : " > ") + "?::" + past.field().sqlType);
                parameters.add(after.keyValues().get(i));
            } else {
                conjuncts.add("task_id " + (tieBreakDescending() ? "<" : ">") + " ?");
                parameters.add(after.taskId());
            }
            alternatives.add(String.join(" AND ", conjuncts));
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }

    /** The id breaks ties in the direction of the last key, so a single-direction order stays one index scan. */
    private boolean tieBreakDescending() {
        return sort.get(sort.size() - 1).descending();
    }

    record Statement(String sql, List<Object> parameters) {
    }
}
