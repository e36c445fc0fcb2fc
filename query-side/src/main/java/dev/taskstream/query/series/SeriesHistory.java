package dev.taskstream.query.series;

import dev.taskstream.api.SeriesId;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import dev.taskstream.api.history.HistoryPage;
import dev.taskstream.api.series.SeriesCreated;
import dev.taskstream.api.series.SeriesView;
import dev.taskstream.query.history.EventLog;
import dev.taskstream.query.history.HistoryQuery;
import dev.taskstream.query.history.ScratchTables;
import dev.taskstream.query.history.Timeline;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A series' history, folded from its events by {@link SeriesViewProjection} itself into a scratch copy of its table. */
@Component
class SeriesHistory {

    /** Bookkeeping, or what another field already says (the zone is part of every due date shown). */
    private static final Set<String> HIDDEN = Set.of("id", "version", "nextDueAt", "timeZone");

    private final EventLog log;
    private final ScratchTables scratch;
    private final SeriesViewRepository scratchViews;
    private final SeriesViewProjection scratchProjection;

    SeriesHistory(EventLog log, ScratchTables scratch, JdbcClient jdbc) {
        this.log = log;
        this.scratch = scratch;
        this.scratchViews = new SeriesViewRepository(jdbc, ScratchTables.scratchOf(SeriesViewRepository.TABLE));
        this.scratchProjection = new SeriesViewProjection(scratchViews);
    }

    HistoryPage page(UserId user, SeriesId id, HistoryQuery query) {
        List<? extends DomainEventMessage<?>> events = log.of(id.toString());
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof SeriesCreated created)
                || !created.ownerId().equals(user)) {
            throw TaskstreamException.notFound(id);
        }
        Timeline<SeriesView> timeline = new Timeline<>(scratchProjection, () -> scratchViews.find(user, id), HIDDEN);
        return scratch.with(SeriesViewRepository.TABLE, "series_id", () -> timeline.page(events, query));
    }
}
