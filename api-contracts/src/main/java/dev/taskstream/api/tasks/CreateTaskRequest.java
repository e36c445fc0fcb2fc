package dev.taskstream.api.tasks;

import java.util.UUID;

/**
 * Body of {@code POST /api/tasks}. Only {@code title} is required; the server picks an {@code id}
 * when the client gives none.
 */
public record CreateTaskRequest(UUID id, String title, String description, DueDate due, Priority priority) {
}
