package dev.taskstream.query.tasks;

import dev.taskstream.api.UserId;
import dev.taskstream.api.tags.TagRef;
import dev.taskstream.api.tasks.TaskPage;
import dev.taskstream.api.tasks.TaskView;
import dev.taskstream.query.tags.Tags;
import dev.taskstream.query.tasks.TaskListSql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers {@code GET /api/tasks}: filters, search, order, one page and, when asked, the total. */
@Component
class TaskList {

    private final JdbcClient jdbc;
    private final Tags tags;

    TaskList(JdbcClient jdbc, Tags tags) {
        this.jdbc = jdbc;
        this.tags = tags;
    }

    TaskPage page(UserId owner, TaskListQuery query) {
        Map<UUID, TagRef> ownTags = tags.byId(owner);
        List<UUID> tagFilter = query.tags().isEmpty() ? null : tagIds(ownTags, query);
        if (tagFilter != null && tagFilter.isEmpty()) {
            return new TaskPage(List.of(), null, query.count() ? 0L : null);
        }
        TaskListSql sql = new TaskListSql(owner, query, tagFilter);
        TaskListCursor after = query.cursor() == null ? null
                : TaskListCursor.decode(query.cursor(), sql.order(), sql.keyCount());

        Statement page = sql.page(TaskViewRepository.COLUMNS, after, query.limit() + 1);
        List<TaskView> views = new ArrayList<>();
        List<List<String>> keys = new ArrayList<>();
        jdbc.sql(page.sql()).params(page.parameters()).query(row -> {
            views.add(TaskViewRepository.toView(row, ownTags));
            List<String> rowKeys = new ArrayList<>();
            for (int i = 0; i < sql.keyCount(); i++) {
                rowKeys.add(row.getString("sort_key_" + i));
            }
            keys.add(rowKeys);
        });

        String next = null;
        if (views.size() > query.limit()) {
            views.remove(query.limit());
            int last = query.limit() - 1;
            next = new TaskListCursor(sql.order(), keys.get(last), views.get(last).id().value()).encode();
        }
        Long total = null;
        if (query.count()) {
            Statement count = sql.count();
            total = jdbc.sql(count.sql()).params(count.parameters()).query(Long.class).single();
        }
        return new TaskPage(views, next, total);
    }

    /**
     * The ids of the named tags. With {@code tagMode=all} a name the user has no tag for matches nothing,
     * so the result is empty; with {@code any} such a name is simply left out.
     */
    private static List<UUID> tagIds(Map<UUID, TagRef> ownTags, TaskListQuery query) {
        List<UUID> ids = new ArrayList<>();
        for (String name : query.tags()) {
            ownTags.values().stream()
                    .filter(tag -> tag.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .ifPresentOrElse(tag -> ids.add(tag.id().value()), () -> {
                        if (query.allTags()) {
                            ids.add(null);
                        }
                    });
        }
        return ids.contains(null) ? List.of() : ids;
    }
}
