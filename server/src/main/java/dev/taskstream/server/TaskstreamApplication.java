package dev.taskstream.server;

import dev.taskstream.server.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The one executable. Which sides it runs is decided by {@code taskstream.roles}; see
 * {@link dev.taskstream.server.roles.Role}. Scans only this module: the sides come in through their roles.
 */
@SpringBootApplication
public class TaskstreamApplication {

    /** A self-hosted server does not phone home unless its operator says so. */
    private static final String AXON_UPDATE_CHECK_OFF = "axoniq.update-checker.disabled";

    /** {@code java -jar taskstream.jar processors} and the other subcommands run the CLI; anything else, the server. */
    public static void main(String[] args) {
        if (Cli.handles(args)) {
            System.exit(Cli.run(args));
        }
        if (System.getProperty(AXON_UPDATE_CHECK_OFF) == null) {
            System.setProperty(AXON_UPDATE_CHECK_OFF, "true");
        }
        SpringApplication.run(TaskstreamApplication.class, args);
    }
}
