package dev.taskstream.server.support;

import dev.taskstream.server.TaskstreamApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.TestPropertySource;

/**
 * Starts the whole server on a random port over real HTTP, on a throw-away embedded PostgreSQL, or on
 * the PostgreSQL that {@code TASKSTREAM_DB_URL} names (tests use unique users, so a shared database works).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
// A throw-away database keeps nothing, so it need not wait for the disk.
@TestPropertySource(properties = {"taskstream.embedded-db.dir=", "taskstream.embedded-db.unsafe-fast-writes=true"})
@SpringBootTest(classes = TaskstreamApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface ServerTest {

    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};
}
