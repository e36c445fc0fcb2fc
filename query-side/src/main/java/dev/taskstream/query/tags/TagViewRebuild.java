package dev.taskstream.query.tags;

import dev.taskstream.api.tags.TagDeleted;
import dev.taskstream.query.rebuild.Rebuildable;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class TagViewRebuild implements Rebuildable {

    @Override
    public String processor() {
        return TagViewProjection.PROCESSING_GROUP;
    }

    @Override
    public List<Table> tables() {
        return List.of(new Table("tag_view", "tag_id"));
    }

    /** A deleted tag leaves the tasks too, so this projection writes to the task table as well. */
    @Override
    public Object writingTo(JdbcClient jdbc, UnaryOperator<String> names) {
        return new TagViewProjection(new Tags(jdbc, names.apply("tag_view"), names.apply("task_view")));
    }

    @Override
    public boolean touchesOtherAggregates(Object payload) {
        return payload instanceof TagDeleted;
    }
}
