package dev.taskstream.command.series;

import dev.taskstream.api.SeriesId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.series.RecurrenceRequest;
import dev.taskstream.api.series.SeriesWriteResult;
import dev.taskstream.api.series.SkipNextOccurrence;
import dev.taskstream.api.series.StopSeries;
import dev.taskstream.api.series.UpdateSeries;
import dev.taskstream.api.series.UpdateSeriesRequest;
import dev.taskstream.command.Commands;
import java.util.UUID;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST write API for recurring series (they are created with their first task, at {@code POST /api/tasks}).
 * Each request becomes one command; the answer names the series' new version.
 */
@RestController
@RequestMapping("/api/series")
class SeriesCommandController {

    private final Commands commands;

    SeriesCommandController(Commands commands) {
        this.commands = commands;
    }

    @PatchMapping("/{id}")
    SeriesWriteResult update(@PathVariable UUID id, @RequestBody UpdateSeriesRequest request, UserId user) {
        SeriesId series = new SeriesId(id);
        RecurrenceRequest recurrence = request.recurrence();
        return send(series, new UpdateSeries(series, user, request.title(), request.description(), request.priority(),
                null, recurrence == null ? null : recurrence.recurrence(), recurrence == null ? null : recurrence.mode()));
    }

    @PostMapping("/{id}/skip")
    SeriesWriteResult skip(@PathVariable UUID id, UserId user) {
        SeriesId series = new SeriesId(id);
        return send(series, new SkipNextOccurrence(series, user));
    }

    @PostMapping("/{id}/stop")
    SeriesWriteResult stop(@PathVariable UUID id, UserId user) {
        SeriesId series = new SeriesId(id);
        return send(series, new StopSeries(series, user));
    }

    private SeriesWriteResult send(SeriesId series, Object command) {
        return new SeriesWriteResult(series, commands.send(command));
    }
}
