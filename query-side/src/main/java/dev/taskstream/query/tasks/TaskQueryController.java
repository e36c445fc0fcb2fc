package dev.taskstream.query.tasks;

import static io.swagger.v3.oas.annotations.enums.ParameterIn.QUERY;

import dev.taskstream.api.TaskId;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import dev.taskstream.api.history.HistoryPage;
import dev.taskstream.api.tasks.TaskPage;
import dev.taskstream.api.tasks.TaskView;
import dev.taskstream.query.stream.ChangeLogReader;
import dev.taskstream.query.stream.StreamPosition;
import dev.taskstream.query.history.AsOf;
import dev.taskstream.query.history.HistoryQuery;
import dev.taskstream.query.tags.Tags;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST read API for tasks. Reads are eventually consistent with writes: compare versions. Public for the CLI,
 * whose database mode reads history in its own process.
 */
@RestController
@RequestMapping("/api/tasks")
public class TaskQueryController {

    private final TaskList list;
    private final TaskViewRepository views;
    private final Tags tags;
    private final ChangeLogReader changes;
    private final TaskHistory history;

    TaskQueryController(TaskList list, TaskViewRepository views, Tags tags, ChangeLogReader changes,
                        TaskHistory history) {
        this.list = list;
        this.views = views;
        this.tags = tags;
        this.changes = changes;
        this.history = history;
    }

    /**
     * See {@link TaskListQuery} for the parameters; unknown ones are refused, not ignored. The
     * {@value StreamPosition#HEADER} header is the stream position the page reflects at least, read first.
     */
    @GetMapping
    @Parameter(in = QUERY, name = "q", description = "Full-text search; the last word matches as a prefix")
    @Parameter(in = QUERY, name = "status", schema = @Schema(allowableValues = {"open", "completed", "all"}))
    @Parameter(in = QUERY, name = "priority", description = "Repeated or comma-separated",
            array = @ArraySchema(schema = @Schema(allowableValues = {"HIGH", "MEDIUM", "LOW", "NONE"})))
    @Parameter(in = QUERY, name = "tag", description = "Tag names", array = @ArraySchema(schema = @Schema(type = "string")))
    @Parameter(in = QUERY, name = "tagMode", schema = @Schema(allowableValues = {"any", "all"}))
    @Parameter(in = QUERY, name = "dueFrom", description = "A date (the due date as given) or an offset date-time (the deadline)")
    @Parameter(in = QUERY, name = "dueTo", description = "A date (the due date as given) or an offset date-time (the deadline)")
    @Parameter(in = QUERY, name = "overdue", schema = @Schema(type = "boolean"))
    @Parameter(in = QUERY, name = "hasDue", schema = @Schema(type = "boolean"))
    @Parameter(in = QUERY, name = "sort", description = "due, priority, created, updated, title; comma-separated, - for descending")
    @Parameter(in = QUERY, name = "limit", schema = @Schema(type = "integer", minimum = "1", maximum = "200"))
    @Parameter(in = QUERY, name = "cursor", description = "nextCursor of the previous page")
    @Parameter(in = QUERY, name = "count", description = "true adds total", schema = @Schema(type = "boolean"))
    ResponseEntity<TaskPage> list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
                                  UserId user) {
        TaskListQuery query = TaskListQuery.parse(parameters);
        long position = changes.position(user);
        return ResponseEntity.ok().header(StreamPosition.HEADER, Long.toString(position)).body(list.page(user, query));
    }

    /**
     * With {@code asOf}, the task as it was then, folded from its events (404 if it did not exist then). The
     * {@code ETag} is the version, for {@code If-Match} on the next write.
     */
    @GetMapping("/{id}")
    public ResponseEntity<TaskView> get(@PathVariable UUID id, @RequestParam(required = false) String asOf, UserId user) {
        TaskView view = asOf != null
                ? history.asOf(user, new TaskId(id), AsOf.parse(asOf, Instant.now()))
                : views.find(user, new TaskId(id), tags.byId(user))
                        .orElseThrow(() -> TaskstreamException.notFound(new TaskId(id)));
        return ResponseEntity.ok().eTag(Long.toString(view.version())).body(view);
    }

    /** Every event of the task, oldest first, deleted tasks included; see {@link HistoryQuery} for paging. */
    @GetMapping("/{id}/history")
    public HistoryPage history(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> parameters, UserId user) {
        return history.page(user, new TaskId(id), HistoryQuery.parse(parameters));
    }
}
