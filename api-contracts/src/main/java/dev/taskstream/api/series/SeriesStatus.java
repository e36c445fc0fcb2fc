package dev.taskstream.api.series;

public enum SeriesStatus {
    /** It schedules the next occurrence whenever the latest is done. */
    ACTIVE,
    /** The owner stopped it. */
    STOPPED,
    /** Its rule ran out (COUNT, UNTIL). */
    FINISHED
}
