package dev.taskstream.server.roles;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs db-scheduler only where the sagas run next to the command role (the monolith). Deadlines belong to sagas, and a
 * scheduler in a process without them would pick a due reminder, find no saga to hand it to, and mark it done: a
 * reminder lost. A sagas role on its own uses Dapr Jobs instead (DaprConfiguration). Without the scheduler, Axon gives
 * any other process an in-memory deadline manager that nobody uses.
 */
class DeadlineSchedulerRole implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Set<Role> enabled = Role.enabledIn(environment);
        if (!enabled.contains(Role.SAGAS) || !enabled.contains(Role.COMMAND)) {
            environment.getPropertySources().addFirst(
                    new MapPropertySource("taskstream-roles", Map.of("db-scheduler.enabled", "false")));
        }
    }
}
