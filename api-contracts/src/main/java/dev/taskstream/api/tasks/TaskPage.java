package dev.taskstream.api.tasks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of a task list; {@code nextCursor} is null on the last page, {@code total} is present only
 * when the client asked for it ({@code count=true}), as counting costs a second query.
 */
public record TaskPage(List<TaskView> items, String nextCursor, @JsonInclude(JsonInclude.Include.NON_NULL) Long total) {
}
