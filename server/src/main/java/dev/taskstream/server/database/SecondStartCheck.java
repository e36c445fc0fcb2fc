package dev.taskstream.server.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * A second Taskstream on a data directory that a live one uses gets one line and exits, before anything starts.
 * It runs as soon as the settings are read: exiting later, from inside the context's start, deadlocks with
 * Spring's shutdown hook (seen). The {@link DataDirectoryLock} is only tried here; the database bean takes it.
 */
class SecondStartCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(SecondStartCheck.class);

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment environment = event.getEnvironment();
        String directory = environment.getProperty("taskstream.embedded-db.dir", "");
        if (!environment.getProperty("spring.datasource.url", "").isBlank() || directory.isBlank()) {
            return;
        }
        Path dataDirectory = EmbeddedDatabaseConfiguration.dataDirectory(directory);
        try (var lock = DataDirectoryLock.tryAcquire(dataDirectory).orElse(null)) {
            if (lock == null) {
                log.error("DATABASE: {}", new DataDirectoryInUseException(dataDirectory).getMessage());
                System.exit(1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
