package dev.taskstream.query.series;

import dev.taskstream.api.SeriesId;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import dev.taskstream.api.history.HistoryPage;
import dev.taskstream.api.series.SeriesStatus;
import dev.taskstream.api.series.SeriesView;
import dev.taskstream.query.history.HistoryQuery;
import java.util.List;
import java.util.UUID;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The REST read API for recurring series. Reads are eventually consistent with writes: compare versions. */
@RestController
@RequestMapping("/api/series")
class SeriesQueryController {

    private final SeriesViewRepository views;
    private final SeriesHistory history;

    SeriesQueryController(SeriesViewRepository views, SeriesHistory history) {
        this.views = views;
        this.history = history;
    }

    /** The caller's series, active ones first, each group by next due date (then title); {@code status} narrows it. */
    @GetMapping
    List<SeriesView> list(@RequestParam(required = false) SeriesStatus status, UserId user) {
        return views.list(user, status);
    }

    @GetMapping("/{id}")
    SeriesView get(@PathVariable UUID id, UserId user) {
        return views.find(user, new SeriesId(id))
                .orElseThrow(() -> TaskstreamException.notFound(new SeriesId(id)));
    }

    /** Every event of the series, oldest first; see {@link HistoryQuery} for paging. */
    @GetMapping("/{id}/history")
    HistoryPage history(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> parameters, UserId user) {
        return history.page(user, new SeriesId(id), HistoryQuery.parse(parameters));
    }
}
