package dev.taskstream.api.tasks;

/** Limits that the write side enforces and clients may show before they send. */
public final class TaskRules {

    public static final int TITLE_MAX_LENGTH = 500;
    public static final int DESCRIPTION_MAX_LENGTH = 20_000;
    public static final int MAX_TAGS = 20;

    private TaskRules() {
    }
}
