package dev.taskstream.query.series;

import dev.taskstream.api.SeriesId;
import dev.taskstream.api.series.OccurrenceScheduled;
import dev.taskstream.api.series.SeriesCreated;
import dev.taskstream.api.series.SeriesFinished;
import dev.taskstream.api.series.SeriesRecurrenceChanged;
import dev.taskstream.api.series.SeriesStopped;
import dev.taskstream.api.series.SeriesTemplateChanged;
import dev.taskstream.query.stream.Change;
import dev.taskstream.query.stream.ChangeLog;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.annotation.Autowired;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Folds series events into {@code series_view}. Every handler is idempotent: a row only moves forward to a
 * higher aggregate version, so a redelivered or replayed event changes nothing. Each change also goes to the
 * owner's change log (the real-time stream), in the same transaction.
 */
@Component
@ProcessingGroup(SeriesViewProjection.PROCESSING_GROUP)
class SeriesViewProjection {

    static final String PROCESSING_GROUP = "series-view";

    private final SeriesViewRepository views;
    private final ChangeLog changes;

    /** A projection into scratch or shadow tables (history, rebuilds), which devices are not told about. */
    SeriesViewProjection(SeriesViewRepository views) {
        this(views, ChangeLog.none());
    }

    @Autowired
    SeriesViewProjection(SeriesViewRepository views, ChangeLog changes) {
        this.views = views;
        this.changes = changes;
    }

    @EventHandler
    void on(SeriesCreated event, @SequenceNumber long version) {
        views.insert(event, version);
        changed(event.seriesId());
    }

    @EventHandler
    void on(OccurrenceScheduled event, @SequenceNumber long version) {
        views.update(event.seriesId(), version,
                "occurrence_count = ?, next_task_id = ?, next_due_date = ?, next_due_time = ?, next_due_at = ?",
                event.index(), event.taskId().value(), event.due().date(), event.due().time(),
                SeriesViewRepository.utc(event.due()));
        changed(event.seriesId());
    }

    @EventHandler
    void on(SeriesTemplateChanged event, @SequenceNumber long version) {
        views.update(event.seriesId(), version, "title = ?, description = ?, priority = ?",
                event.template().title(), event.template().description(), event.template().priority().rank());
        changed(event.seriesId());
    }

    @EventHandler
    void on(SeriesRecurrenceChanged event, @SequenceNumber long version) {
        views.update(event.seriesId(), version, "rule = ?, mode = ?", event.recurrence().rule(), event.mode().name());
        changed(event.seriesId());
    }

    @EventHandler
    void on(SeriesStopped event, @SequenceNumber long version) {
        views.update(event.seriesId(), version, "status = 'STOPPED'");
        changed(event.seriesId());
    }

    @EventHandler
    void on(SeriesFinished event, @SequenceNumber long version) {
        views.update(event.seriesId(), version, "status = 'FINISHED'");
        changed(event.seriesId());
    }

    /** The stream shows the series as {@code GET /api/series/{id}} does, in its state when the batch commits. */
    private void changed(SeriesId id) {
        changes.record("series:" + id.value(), () -> views.owner(id)
                .flatMap(owner -> views.find(owner, id)
                        .map(view -> new Change(owner, "series.upserted", Map.of("series", view))))
                .orElse(null));
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
    }
}
