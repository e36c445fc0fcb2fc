package dev.taskstream.query.tasks;

import dev.taskstream.api.UserId;
import dev.taskstream.api.tags.TagRef;
import dev.taskstream.api.tasks.TaskPage;
import dev.taskstream.api.tasks.TaskView;
import dev.taskstream.query.tags.Tags;
import dev.taskstream.query.tasks.TaskListSql.Statement;
import dev.taskstream.query.tasks.TaskListSql.Tier;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers {@code GET /api/tasks}: filters, search, order, one page and, when asked, the total. A search with
 * no {@code sort} is ordered by relevance: tasks whose title matches first, then those that match only in
 * their description, newest first within each.
 */
@Component
class TaskList {

    /** Run first in the page's transaction ({@link #page}). */
    static final String PLAN_FOR_THE_USER = "SET LOCAL plan_cache_mode = force_custom_plan";

    private final JdbcClient jdbc;
    private final Tags tags;
    private final TransactionTemplate readOnly;

    TaskList(JdbcClient jdbc, Tags tags, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tags = tags;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    /**
     * Plans each statement for this user's values. Tasks are very unevenly spread over users (one may have
     * 100,000, most a few hundred), and a generic plan that fits the average user can be 100x off for the
     * heaviest: measured, a search went from ~80 ms to under 1 ms. Only here: everywhere else a cached plan fits
     * every value, and planning each of a write's statements again cost a third of PostgreSQL's time per write.
     */
    TaskPage page(UserId owner, TaskListQuery query) {
        return readOnly.execute(transaction -> {
            jdbc.sql(PLAN_FOR_THE_USER).update();
            return pagePlannedForItsUser(owner, query);
        });
    }

    private TaskPage pagePlannedForItsUser(UserId owner, TaskListQuery query) {
        Map<UUID, TagRef> ownTags = tags.byId(owner);
        List<UUID> tagFilter = query.tags().isEmpty() ? null : tagIds(ownTags, query);
        if (tagFilter != null && tagFilter.isEmpty()) {
            return new TaskPage(List.of(), null, query.count() ? 0L : null);
        }
        TaskListSql sql = new TaskListSql(owner, query, tagFilter);
        int keyCount = sql.keyCount() + (sql.byRelevance() ? 1 : 0);
        TaskListCursor after = query.cursor() == null ? null
                : TaskListCursor.decode(query.cursor(), sql.order(), keyCount);

        Rows rows = new Rows(ownTags, sql.keyCount());
        if (sql.byRelevance()) {
            Tier startTier = after == null ? Tier.TITLE : after.tier();
            TaskListCursor within = after == null ? null : new TaskListCursor(after.order(),
                    after.keyValues().subList(1, keyCount), after.taskId());
            for (Tier tier : EnumSet.range(startTier, Tier.DESCRIPTION)) {
                if (rows.size() > query.limit()) {
                    break;
                }
                rows.read(sql.page(TaskViewRepository.COLUMNS, tier, tier == startTier ? within : null,
                        query.limit() + 1 - rows.size()), tier.name());
            }
        } else {
            rows.read(sql.page(TaskViewRepository.COLUMNS, null, after, query.limit() + 1), null);
        }

        String next = null;
        if (rows.size() > query.limit()) {
            rows.views.remove(query.limit());
            int last = query.limit() - 1;
            next = new TaskListCursor(sql.order(), rows.keys.get(last), rows.views.get(last).id().value()).encode();
        }
        Long total = null;
        if (query.count()) {
            Statement count = sql.count();
            total = jdbc.sql(count.sql()).params(count.parameters()).query(Long.class).single();
        }
        return new TaskPage(rows.views, next, total);
    }

    /** The rows of a page as they are read, each with the sort-key values a cursor after it needs. */
    private final class Rows {

        private final Map<UUID, TagRef> ownTags;
        private final int sortKeys;
        private final List<TaskView> views = new ArrayList<>();
        private final List<List<String>> keys = new ArrayList<>();

        Rows(Map<UUID, TagRef> ownTags, int sortKeys) {
            this.ownTags = ownTags;
            this.sortKeys = sortKeys;
        }

        int size() {
            return views.size();
        }

        /**
         * Reads a statement's rows; {@code tier}, when given, leads each row's cursor values. Every parameter but a
         * cursor's key values is checked before it gets here, so a value PostgreSQL cannot read (SQLSTATE class 22,
         * data exception) can only come from a forged or corrupted cursor.
         */
        void read(Statement page, String tier) {
            try {
                readRows(page, tier);
            } catch (DataAccessException e) {
                if (e.getMostSpecificCause() instanceof SQLException refused && refused.getSQLState() != null
                        && refused.getSQLState().startsWith("22")) {
                    throw TaskListCursor.invalid();
                }
                throw e;
            }
        }

        private void readRows(Statement page, String tier) {
            jdbc.sql(page.sql()).params(page.parameters()).query(row -> {
                views.add(TaskViewRepository.toView(row, ownTags));
                List<String> rowKeys = new ArrayList<>();
                if (tier != null) {
                    rowKeys.add(tier);
                }
                for (int i = 0; i < sortKeys; i++) {
                    rowKeys.add(row.getString("sort_key_" + i));
                }
                keys.add(rowKeys);
            });
        }
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
