package dev.taskstream.query.tasks;

import dev.taskstream.api.UserId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** For the benchmark: the exact SQL the list API runs for given parameters, to time it without HTTP. */
public final class TaskListStatements {

    /** The setting the list API runs its statements under, first in their read-only transaction. */
    public static final String PLAN_FOR_THE_USER = TaskList.PLAN_FOR_THE_USER;

    private TaskListStatements() {
    }

    /**
     * The first page statement's SQL and parameters for {@code GET /api/tasks} with these parameters (for a
     * search by relevance, that of the title tier, which fills the page when matches are many).
     */
    public static Map.Entry<String, List<Object>> page(UserId owner, Map<String, List<String>> parameters, List<UUID> tagIds) {
        TaskListQuery query = TaskListQuery.parse(parameters);
        TaskListSql sql = new TaskListSql(owner, query, tagIds);
        if (query.byRelevance() && query.cursor() != null) {
            throw new IllegalArgumentException("a relevance cursor spans tiers; time its first page instead");
        }
        TaskListCursor after = query.cursor() == null ? null
                : TaskListCursor.decode(query.cursor(), sql.order(), sql.keyCount());
        TaskListSql.Tier tier = query.byRelevance() ? TaskListSql.Tier.TITLE : null;
        TaskListSql.Statement statement = sql.page(TaskViewRepository.COLUMNS, tier, after, query.limit() + 1);
        return Map.entry(statement.sql(), statement.parameters());
    }
}
