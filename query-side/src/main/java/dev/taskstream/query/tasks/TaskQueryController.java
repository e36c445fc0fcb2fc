package dev.taskstream.query.tasks;

import dev.taskstream.api.TaskId;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tasks.TaskPage;
import dev.taskstream.api.tasks.TaskView;
import dev.taskstream.query.tags.Tags;
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

    TaskQueryController(TaskList list, TaskViewRepository views, Tags tags) {
        this.list = list;
        this.views = views;
        this.tags = tags;
    }

    /** See {@link TaskListQuery} for the parameters; unknown ones are refused, not ignored. */
    @GetMapping
    TaskPage list(@RequestParam MultiValueMap<String, String> parameters, UserId user) {
        return list.page(user, TaskListQuery.parse(parameters));
    }

    @GetMapping("/{id}")
    TaskView get(@PathVariable UUID id, UserId user) {
        return views.find(user, new TaskId(id), tags.byId(user))
                .orElseThrow(() -> TaskstreamException.notFound(new TaskId(id)));
    }
}
