package dev.taskstream.api.tasks;

/** Body of {@code PATCH /api/tasks/{id}}: absent fields stay as they are, an empty description clears it. */
public record UpdateTaskRequest(String title, String description) {
}
