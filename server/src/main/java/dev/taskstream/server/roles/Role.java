package dev.taskstream.server.roles;

/**
 * A part of Taskstream that a process may run. The default runs all of them in one process; a
 * scaled-out deployment runs one role per deployment of the same jar.
 */
public enum Role {
    /** Aggregates, the event store and the REST write API. */
    COMMAND,
    /** Projections and the REST read API. */
    QUERY,
    /** Recurrence and reminder workflows. */
    SAGAS
}
