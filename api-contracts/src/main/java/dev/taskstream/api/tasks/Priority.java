package dev.taskstream.api.tasks;

/** How much a task matters; {@link #rank()} orders them, highest first when sorted descending. */
public enum Priority {
    NONE,
    LOW,
    MEDIUM,
    HIGH;

    public int rank() {
        return ordinal();
    }

    public static Priority ofRank(int rank) {
        return values()[rank];
    }
}
