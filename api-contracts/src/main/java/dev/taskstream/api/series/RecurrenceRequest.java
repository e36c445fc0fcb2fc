package dev.taskstream.api.series;

import dev.taskstream.api.TaskstreamException;

/**
 * The {@code recurrence} object of a REST body: an RRULE ({@code "rule":"FREQ=WEEKLY;BYDAY=MO"}) or a preset
 * ({@code "preset":"daily","every":3} is every third day), and a mode ({@code FIXED} when absent on create,
 * unchanged when absent on an update). Refusals name the field inside {@code recurrence}.
 */
public record RecurrenceRequest(String rule, RecurrencePreset preset, Integer every, RecurrenceMode mode) {

    public static final int MAX_EVERY = 1000;

    public Recurrence recurrence() {
        if (rule != null && preset != null) {
            throw TaskstreamException.invalidField("recurrence.preset", "Give a rule or a preset, not both.");
        }
        if (preset == null) {
            if (every != null) {
                throw TaskstreamException.invalidField("recurrence.every",
                        "every goes with a preset; in a rule, say INTERVAL.");
            }
            return Recurrence.parse("recurrence.rule", rule);
        }
        if (every != null && (every < 1 || every > MAX_EVERY)) {
            throw TaskstreamException.invalidField("recurrence.every", "every must be between 1 and " + MAX_EVERY + ".");
        }
        return preset.every(every == null ? 1 : every);
    }
}
