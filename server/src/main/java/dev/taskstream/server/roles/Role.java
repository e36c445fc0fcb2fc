package dev.taskstream.server.roles;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

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
    SAGAS;

    static final String PROPERTY = "taskstream.roles";

    /** The roles this process runs: all of them unless {@code taskstream.roles} says otherwise. */
    public static Set<Role> enabledIn(Environment environment) {
        return Binder.get(environment)
                .bind(PROPERTY, Bindable.setOf(Role.class))
                .orElse(EnumSet.allOf(Role.class));
    }
}
