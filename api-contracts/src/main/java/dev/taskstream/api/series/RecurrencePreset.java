package dev.taskstream.api.series;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Common rules by name; each stands for an RRULE, and the API always answers with the RRULE. */
public enum RecurrencePreset {
    DAILY("FREQ=DAILY"),
    WEEKDAYS("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
    WEEKLY("FREQ=WEEKLY"),
    MONTHLY("FREQ=MONTHLY"),
    YEARLY("FREQ=YEARLY");

    private final String rule;

    RecurrencePreset(String rule) {
        this.rule = rule;
    }

    /** The RRULE, repeating every {@code every}th period ({@code daily} every 3 is every third day). */
    public Recurrence every(int every) {
        return Recurrence.parse("recurrence.every", every == 1 ? rule : rule + ";INTERVAL=" + every);
    }

    @JsonValue
    String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
