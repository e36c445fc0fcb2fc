package dev.taskstream.query.tags;

import dev.taskstream.api.tags.TagCreated;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Lets tests of other packages make the tag repository and store a tag through its projection. */
public final class TestTags {

    private TestTags() {
    }

    public static Tags over(JdbcClient jdbc) {
        return new Tags(jdbc);
    }

    public static void created(Tags tags, TagCreated event) {
        new TagViewProjection(tags).on(event);
    }
}
