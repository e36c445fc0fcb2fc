package dev.taskstream.query.series;

import dev.taskstream.api.SeriesId;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import dev.taskstream.api.series.SeriesView;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The REST read API for recurring series. Reads are eventually consistent with writes: compare versions. */
@RestController
@RequestMapping("/api/series")
class SeriesQueryController {

    private final SeriesViewRepository views;

    SeriesQueryController(SeriesViewRepository views) {
        this.views = views;
    }

    @GetMapping("/{id}")
    SeriesView get(@PathVariable UUID id, UserId user) {
        return views.find(user, new SeriesId(id))
                .orElseThrow(() -> TaskstreamException.notFound(new SeriesId(id)));
    }
}
