package dev.taskstream.query.tasks;

import dev.taskstream.api.TaskId;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tasks.TaskPage;
import dev.taskstream.api.tasks.TaskView;
import dev.taskstream.query.stream.ChangeLogReader;
import dev.taskstream.query.stream.StreamPosition;
import dev.taskstream.query.tags.Tags;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
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
    private final ChangeLogReader changes;

    TaskQueryController(TaskList list, TaskViewRepository views, Tags tags, ChangeLogReader changes) {
        this.list = list;
        this.views = views;
        this.tags = tags;
        this.changes = changes;
    }

    /**
     * See {@link TaskListQuery} for the parameters; unknown ones are refused, not ignored. The
     * {@value StreamPosition#HEADER} header is the stream position the page reflects at least, read first.
     */
    @GetMapping
    ResponseEntity<TaskPage> list(@RequestParam MultiValueMap<String, String> parameters, UserId user) {
        TaskListQuery query = TaskListQuery.parse(parameters);
        long position = changes.position(user);
        return ResponseEntity.ok().header(StreamPosition.HEADER, Long.toString(position)).body(list.page(user, query));
    }

    /** The {@code ETag} is the version, for {@code If-Match} on the next write. */
    @GetMapping("/{id}")
    ResponseEntity<TaskView> get(@PathVariable UUID id, UserId user) {
        TaskView view = views.find(user, new TaskId(id), tags.byId(user))
                .orElseThrow(() -> TaskstreamException.notFound(new TaskId(id)));
        return ResponseEntity.ok().eTag(Long.toString(view.version())).body(view);
    }
}
