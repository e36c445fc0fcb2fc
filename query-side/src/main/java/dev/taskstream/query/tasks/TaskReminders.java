package dev.taskstream.query.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskstream.api.ReminderId;
import dev.taskstream.api.tasks.DueDate;
import dev.taskstream.api.tasks.Reminder;
import dev.taskstream.api.tasks.ReminderSpec;
import dev.taskstream.api.tasks.ReminderView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The {@code reminders} column of {@code task_view}: the reminders as set, in strings of their API form. Fire instants
 * are not stored; they follow from the due date on every read, so a moved due date moves them with no extra write.
 */
final class TaskReminders {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Stored>> LIST = new TypeReference<>() { };

    record Stored(String id, String before, String at) {
    }

    private TaskReminders() {
    }

    static String write(List<Reminder> reminders) {
        List<Stored> stored = reminders.stream().map(reminder -> new Stored(reminder.id().toString(),
                reminder.when().relative() ? reminder.when().before().toString() : null,
                reminder.when().relative() ? null : reminder.when().at().toString())).toList();
        try {
            return JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ReminderView> read(String column, DueDate due) {
        try {
            return JSON.readValue(column, LIST).stream()
                    .map(stored -> ReminderView.of(new Reminder(ReminderId.of(stored.id()), stored.before() != null
                            ? ReminderSpec.before(Duration.parse(stored.before()))
                            : ReminderSpec.at(Instant.parse(stored.at()))), due))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("task_view.reminders is not a list of reminders: " + column, e);
        }
    }
}
