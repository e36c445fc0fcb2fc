package dev.taskstream.query.tasks;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tasks.TaskPage;
import dev.taskstream.api.tasks.TaskView;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The REST read API for tasks. Reads are eventually consistent with writes: compare versions. */
@RestController
@RequestMapping("/api/tasks")
class TaskQueryController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final TaskViewRepository views;

    TaskQueryController(TaskViewRepository views) {
        this.views = views;
    }

    @GetMapping
    TaskPage list(@RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
                  @RequestParam(required = false) String cursor,
                  UserId user) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw TaskstreamException.invalidField("limit", "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        ListCursor after = cursor == null ? null : ListCursor.decode(cursor);
        List<TaskView> rows = views.newestFirst(user, after, limit + 1);
        if (rows.size() <= limit) {
            return new TaskPage(rows, null);
        }
        List<TaskView> page = rows.subList(0, limit);
        TaskView last = page.get(limit - 1);
        return new TaskPage(List.copyOf(page), new ListCursor(last.createdAt(), last.id()).encode());
    }

    @GetMapping("/{id}")
    TaskView get(@PathVariable UUID id, UserId user) {
        return views.find(user, new TaskId(id))
                .orElseThrow(() -> new TaskstreamException(ErrorCode.TASK_NOT_FOUND, null, "No task " + id + "."));
    }
}
