package dev.taskstream.query.series;

import dev.taskstream.api.InputRules;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.series.Recurrence;
import dev.taskstream.api.series.RecurrencePreview;
import dev.taskstream.api.tasks.DueDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows when a rule would fall before anyone saves it: pure computation, no state. The occurrences come out as
 * a series would schedule them, wall-clock times in {@code tz} with DueDate's rule for DST gaps.
 */
@RestController
class RecurrencePreviewController {

    static final int DEFAULT_COUNT = 10;
    static final int MAX_COUNT = 100;

    @GetMapping("/api/recurrence/preview")
    RecurrencePreview preview(@RequestParam String rule,
                              @RequestParam @DateTimeFormat(iso = ISO.DATE_TIME) LocalDateTime start,
                              @RequestParam String tz,
                              @RequestParam(defaultValue = "" + DEFAULT_COUNT) int count) {
        Recurrence recurrence = Recurrence.parse("rule", rule);
        if (!ZoneId.getAvailableZoneIds().contains(tz)) {
            throw TaskstreamException.invalidField("tz", "Give an IANA time zone such as Europe/Berlin; '" + tz + "' is not one.");
        }
        if (count < 1 || count > MAX_COUNT) {
            throw TaskstreamException.invalidField("count", "count must be between 1 and " + MAX_COUNT + ".");
        }
        InputRules.date("start", start.toLocalDate());
        ZoneId zone = ZoneId.of(tz);
        List<DueDate> dues = recurrence.dueDates(new DueDate(start.toLocalDate(), start.toLocalTime(), tz), count);
        if (dues.isEmpty()) {
            throw TaskstreamException.invalidField("rule",
                    "The rule has no occurrence from this start before the year " + (InputRules.LAST_YEAR + 1) + ".");
        }
        return new RecurrencePreview(recurrence.rule(),
                dues.stream().map(due -> due.deadline().atZone(zone).toOffsetDateTime()).toList());
    }
}
