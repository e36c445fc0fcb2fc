package dev.taskstream.api.tasks;

import java.util.UUID;

/** Body of {@code POST /api/tasks}; {@code id} is optional: the server picks one when it is absent. */
public record CreateTaskRequest(UUID id, String title, String description) {
}
