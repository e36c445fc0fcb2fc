package dev.taskstream.api.tasks;

import java.util.List;
import java.util.UUID;

/**
 * Body of {@code POST /api/tasks}. Only {@code title} is required; the server picks an {@code id}
 * when the client gives none. {@code tags} are names: a name the user has no tag for yet creates one.
 */
public record CreateTaskRequest(UUID id, String title, String description, DueDate due, Priority priority,
                                List<String> tags) {
}
