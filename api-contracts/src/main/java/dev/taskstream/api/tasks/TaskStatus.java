package dev.taskstream.api.tasks;

public enum TaskStatus {
    OPEN,
    COMPLETED
}
