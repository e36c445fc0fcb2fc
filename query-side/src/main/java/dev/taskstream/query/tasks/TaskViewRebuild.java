package dev.taskstream.query.tasks;

import dev.taskstream.query.rebuild.Rebuildable;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class TaskViewRebuild implements Rebuildable {

    @Override
    public String processor() {
        return TaskViewProjection.PROCESSING_GROUP;
    }

    @Override
    public List<Table> tables() {
        return List.of(new Table(TaskViewRepository.TABLE, "task_id"));
    }

    @Override
    public Object writingTo(JdbcClient jdbc, UnaryOperator<String> names) {
        return new TaskViewProjection(new TaskViewRepository(jdbc, names.apply(TaskViewRepository.TABLE)));
    }
}
