package dev.taskstream.query.tasks;

import dev.taskstream.api.TaskId;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import dev.taskstream.api.history.HistoryPage;
import dev.taskstream.api.tasks.TaskPage;
import dev.taskstream.api.tasks.TaskView;
import dev.taskstream.query.history.AsOf;
import dev.taskstream.query.history.HistoryQuery;
import dev.taskstream.query.tags.Tags;
import java.time.Instant;
import java.util.UUID;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The REST read API for tasks. Reads are eventually consistent with writes: compare versions. */
@RestController
@RequestMapping("/api/tasks")
class TaskQueryController {

    private final TaskList list;
    private final TaskViewRepository views;
    private final Tags tags;
    private final TaskHistory history;

    TaskQueryController(TaskList list, TaskViewRepository views, Tags tags, TaskHistory history) {
        this.list = list;
        this.views = views;
        this.tags = tags;
        this.history = history;
    }

    /** See {@link TaskListQuery} for the parameters; unknown ones are refused, not ignored. */
    @GetMapping
    TaskPage list(@RequestParam MultiValueMap<String, String> parameters, UserId user) {
        return list.page(user, TaskListQuery.parse(parameters));
    }

    /** With {@code asOf}, the task as it was then, folded from its events (404 if it did not exist then). */
    @GetMapping("/{id}")
    TaskView get(@PathVariable UUID id, @RequestParam(required = false) String asOf, UserId user) {
        if (asOf != null) {
            return history.asOf(user, new TaskId(id), AsOf.parse(asOf, Instant.now()));
        }
        return views.find(user, new TaskId(id), tags.byId(user))
                .orElseThrow(() -> TaskstreamException.notFound(new TaskId(id)));
    }

    /** Every event of the task, oldest first, deleted tasks included; see {@link HistoryQuery} for paging. */
    @GetMapping("/{id}/history")
    HistoryPage history(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> parameters, UserId user) {
        return history.page(user, new TaskId(id), HistoryQuery.parse(parameters));
    }
}
