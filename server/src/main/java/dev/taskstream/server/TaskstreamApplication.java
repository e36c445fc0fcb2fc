package dev.taskstream.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The one executable. Which sides it runs is decided by {@code taskstream.roles}; see
 * {@link dev.taskstream.server.roles.Role}. Scans only this module: the sides come in through their roles.
 */
@SpringBootApplication
public class TaskstreamApplication {

    public static void main(String[] args) {
        SpringApplication.run(TaskstreamApplication.class, args);
    }
}
