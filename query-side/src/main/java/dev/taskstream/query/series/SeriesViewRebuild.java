package dev.taskstream.query.series;

import dev.taskstream.query.rebuild.Rebuildable;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class SeriesViewRebuild implements Rebuildable {

    @Override
    public String processor() {
        return SeriesViewProjection.PROCESSING_GROUP;
    }

    @Override
    public List<Table> tables() {
        return List.of(new Table(SeriesViewRepository.TABLE, "series_id"));
    }

    @Override
    public Object writingTo(JdbcClient jdbc, UnaryOperator<String> names) {
        return new SeriesViewProjection(new SeriesViewRepository(jdbc, names.apply(SeriesViewRepository.TABLE)));
    }
}
