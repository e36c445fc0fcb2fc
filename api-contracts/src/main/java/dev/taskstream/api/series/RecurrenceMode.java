package dev.taskstream.api.series;

/** How a series finds the due date of its next occurrence. */
public enum RecurrenceMode {
    /** From the calendar: the rule's next instance after the previous occurrence's due ("every Monday 9:00"). */
    FIXED,
    /** From the completion: the rule's INTERVAL of its FREQ after the day the previous one was done ("3 days after"). */
    AFTER_COMPLETION
}
