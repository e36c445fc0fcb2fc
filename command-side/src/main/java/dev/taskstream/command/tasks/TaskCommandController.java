package dev.taskstream.command.tasks;

import dev.taskstream.api.SeriesId;
import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.series.CreateSeries;
import dev.taskstream.api.series.OccurrenceScheduled;
import dev.taskstream.api.series.Recurrence;
import dev.taskstream.api.series.RecurrenceMode;
import dev.taskstream.api.series.RecurrenceRequest;
import dev.taskstream.api.series.SeriesTemplate;
import dev.taskstream.api.tasks.CompleteTask;
import dev.taskstream.api.tasks.CreateNewTask;
import dev.taskstream.api.tasks.CreateTask;
import dev.taskstream.api.tasks.CreateTaskRequest;
import dev.taskstream.api.tasks.DeleteTask;
import dev.taskstream.api.tasks.RecurringWriteResult;
import dev.taskstream.api.tasks.ReminderRules;
import dev.taskstream.api.tasks.ReminderSpec;
import dev.taskstream.api.tasks.ReopenTask;
import dev.taskstream.api.tasks.UpdateTask;
import dev.taskstream.api.tasks.UpdateTaskRequest;
import dev.taskstream.api.tasks.WriteResult;
import dev.taskstream.command.Commands;
import dev.taskstream.command.tags.TagResolver;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The REST write API for tasks: each request becomes one command; the answer names the new version. */
@RestController
@RequestMapping("/api/tasks")
class TaskCommandController {

    private final Commands commands;
    private final TagResolver tags;

    TaskCommandController(Commands commands, TagResolver tags) {
        this.commands = commands;
        this.tags = tags;
    }

    /**
     * A task with a recurrence answers with a {@link RecurringWriteResult}, any other with a {@link WriteResult}.
     * Tags named for the first time are created with the task, in one unit: a refused task leaves no new tags.
     */
    @PostMapping
    @ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json",
            schema = @Schema(anyOf = {WriteResult.class, RecurringWriteResult.class})))
    ResponseEntity<?> create(@RequestBody CreateTaskRequest request, UserId user) {
        TaskId id = request.id() == null ? TaskId.random() : new TaskId(request.id());
        URI location = URI.create("/api/tasks/" + id);
        List<ReminderSpec> reminders = Objects.requireNonNullElse(ReminderRules.read(request.reminders()), List.of());
        TagResolver.Names tagNames = tags.checked(request.tags());
        RecurrenceRequest recurrence = request.recurrence();
        Recurrence rule = recurrence == null ? null : recurrence.recurrence();
        Object written = commands.atomically(() -> {
            Set<TagId> tagIds = tags.resolveOrCreate(user, tagNames);
            if (rule == null) {
                long version = commands.send(new CreateNewTask(id, user, request.title(), request.description(),
                        request.due(), request.priority(), tagIds, reminders));
                return new WriteResult(id, version);
            }
            return createRecurring(id, request, rule, recurrence.mode(), tagIds, reminders, user);
        });
        long version = written instanceof RecurringWriteResult recurring ? recurring.version() : ((WriteResult) written).version();
        return ResponseEntity.created(location).eTag(Long.toString(version)).body(written);
    }

    /**
     * The series decides its first occurrence, and the task is created here so that the client can use it once it
     * has the answer. The RecurrenceSaga creates it too (a no-op then), in case this process dies in between.
     */
    private RecurringWriteResult createRecurring(TaskId first, CreateTaskRequest request, Recurrence rule,
                                                 RecurrenceMode mode, Set<TagId> tagIds, List<ReminderSpec> reminders,
                                                 UserId user) {
        SeriesId series = SeriesId.startedBy(first);
        OccurrenceScheduled scheduled = commands.send(new CreateSeries(series, first, user,
                new SeriesTemplate(request.title(), request.description(), request.priority(), tagIds, reminders),
                rule, mode, request.due()));
        long version = commands.send(CreateTask.occurrence(scheduled));
        return new RecurringWriteResult(first, version, series);
    }

    /** With {@code If-Match}, changes since that version to other fields are merged; to the same fields, 409. */
    @PatchMapping("/{id}")
    ResponseEntity<WriteResult> update(@PathVariable UUID id, @RequestBody UpdateTaskRequest request, UserId user,
                                       @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        TaskId taskId = new TaskId(id);
        List<ReminderSpec> reminders = ReminderRules.read(request.reminders());
        TagResolver.Names added = tags.checked(request.addTags());
        TagResolver.Names removed = tags.checked(request.removeTags());
        Long seen = IfMatch.version(ifMatch);
        return commands.atomically(() -> written(taskId, new UpdateTask(taskId, user, request.title(),
                request.description(), request.due(), request.clearsDue(), request.priority(),
                tags.resolveOrCreate(user, added), tags.resolveExisting(user, removed), reminders, seen)));
    }

    @PostMapping("/{id}/complete")
    ResponseEntity<WriteResult> complete(@PathVariable UUID id, UserId user,
                                         @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        TaskId taskId = new TaskId(id);
        return written(taskId, new CompleteTask(taskId, user, IfMatch.version(ifMatch)));
    }

    @PostMapping("/{id}/reopen")
    ResponseEntity<WriteResult> reopen(@PathVariable UUID id, UserId user,
                                       @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        TaskId taskId = new TaskId(id);
        return written(taskId, new ReopenTask(taskId, user, IfMatch.version(ifMatch)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<WriteResult> delete(@PathVariable UUID id, UserId user,
                                       @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        TaskId taskId = new TaskId(id);
        return written(taskId, new DeleteTask(taskId, user, IfMatch.version(ifMatch)));
    }

    /** The {@code ETag} is the new version: the {@code If-Match} of the client's next write. */
    private ResponseEntity<WriteResult> written(TaskId id, Object command) {
        long version = commands.send(command);
        return ResponseEntity.ok().eTag(Long.toString(version)).body(new WriteResult(id, version));
    }
}
