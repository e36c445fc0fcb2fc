package dev.taskstream.command.series;

import static dev.taskstream.command.Refusals.refusal;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.SeriesId;
import dev.taskstream.api.TagId;
import dev.taskstream.api.TaskId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.series.AdvanceSeries;
import dev.taskstream.api.series.CreateSeries;
import dev.taskstream.api.series.OccurrenceScheduled;
import dev.taskstream.api.series.OccurrenceSkipped;
import dev.taskstream.api.series.Recurrence;
import dev.taskstream.api.series.RecurrenceMode;
import dev.taskstream.api.series.SeriesCreated;
import dev.taskstream.api.series.SeriesFinished;
import dev.taskstream.api.series.SeriesRecurrenceChanged;
import dev.taskstream.api.series.SeriesStopped;
import dev.taskstream.api.series.SeriesTemplate;
import dev.taskstream.api.series.SeriesTemplateChanged;
import dev.taskstream.api.series.SkipNextOccurrence;
import dev.taskstream.api.series.StopSeries;
import dev.taskstream.api.series.UpdateSeries;
import dev.taskstream.api.tasks.DueDate;
import dev.taskstream.api.tasks.Priority;
import dev.taskstream.api.tasks.ReminderSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskSeriesTest {

    private static final TaskId FIRST_TASK = TaskId.random();
    private static final SeriesId SERIES = SeriesId.startedBy(FIRST_TASK);
    private static final UserId OWNER = new UserId(UUID.randomUUID());
    private static final UserId STRANGER = new UserId(UUID.randomUUID());
    private static final String BERLIN = "Europe/Berlin";
    private static final SeriesTemplate TEMPLATE = new SeriesTemplate("Stand-up", null, Priority.HIGH, Set.of());
    private static final Recurrence DAILY_THREE_TIMES = new Recurrence("FREQ=DAILY;COUNT=3");
    private static final Recurrence MONDAYS = new Recurrence("FREQ=WEEKLY;BYDAY=MO");
    private static final DueDate MONDAY = due("2026-03-02T09:00");
    private static final SeriesCreated CREATED = created(DAILY_THREE_TIMES, RecurrenceMode.FIXED);

    private FixtureConfiguration<TaskSeries> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TaskSeries.class);
    }

    @Test
    void createsTheSeriesAndSchedulesItsFirstOccurrence_andAnswersWithIt() {
        fixture.givenNoPriorActivity()
                .when(new CreateSeries(SERIES, FIRST_TASK, OWNER, new SeriesTemplate("  Stand-up ", " ", Priority.HIGH, null),
                        DAILY_THREE_TIMES, null, MONDAY))
                .expectEvents(CREATED, scheduled(1, MONDAY))
                .expectResultMessagePayload(scheduled(1, MONDAY));
    }

    @Test
    void theFirstOccurrenceIsTheRulesFirstInstanceOnOrAfterTheDueDate() {
        DueDate sunday = due("2026-03-01T09:00");
        fixture.givenNoPriorActivity()
                .when(new CreateSeries(SERIES, FIRST_TASK, OWNER, TEMPLATE, MONDAYS, RecurrenceMode.FIXED, sunday))
                .expectEvents(new SeriesCreated(SERIES, OWNER, TEMPLATE, MONDAYS, RecurrenceMode.FIXED, sunday),
                        scheduled(1, MONDAY));
    }

    @Test
    void cannotCreateASeriesWithoutADueDateOrWithABadOne() {
        expectInvalidField(fixture.givenNoPriorActivity()
                .when(new CreateSeries(SERIES, FIRST_TASK, OWNER, TEMPLATE, DAILY_THREE_TIMES, null, null)), "due");
        expectInvalidField(fixture.givenNoPriorActivity().when(new CreateSeries(SERIES, FIRST_TASK, OWNER, TEMPLATE,
                DAILY_THREE_TIMES, null, new DueDate(LocalDate.of(2026, 3, 2), null, "Mars/Olympus"))), "due.timeZone");
    }

    @Test
    void cannotCreateASeriesWithABadTemplate() {
        expectInvalidField(fixture.givenNoPriorActivity().when(new CreateSeries(SERIES, FIRST_TASK, OWNER,
                new SeriesTemplate(" ", null, null, null), DAILY_THREE_TIMES, null, MONDAY)), "title");
        expectInvalidField(fixture.givenNoPriorActivity().when(new CreateSeries(SERIES, FIRST_TASK, OWNER,
                new SeriesTemplate("ok", "x".repeat(20_001), null, null), DAILY_THREE_TIMES, null, MONDAY)), "description");
    }

    @Test
    void cannotCreateASeriesWhoseRuleHasNoOccurrence() {
        expectInvalidField(fixture.givenNoPriorActivity().when(new CreateSeries(SERIES, FIRST_TASK, OWNER, TEMPLATE,
                new Recurrence("FREQ=DAILY;UNTIL=20260101T000000Z"), null, MONDAY)), "recurrence.rule");
    }

    @Test
    void afterCompletionCannotFollowTheCalendar() {
        expectInvalidField(fixture.givenNoPriorActivity().when(new CreateSeries(SERIES, FIRST_TASK, OWNER, TEMPLATE,
                MONDAYS, RecurrenceMode.AFTER_COMPLETION, MONDAY)), "recurrence.mode");
        expectInvalidField(fixture.given(CREATED, scheduled(1, MONDAY)).when(new UpdateSeries(SERIES, OWNER,
                null, null, null, null, MONDAYS, RecurrenceMode.AFTER_COMPLETION)), "recurrence.mode");
    }

    @Test
    void inFixedModeTheNextOccurrenceIsTheRulesNextInstance_whenEverTheLatestWasDone() {
        fixture.given(CREATED, scheduled(1, MONDAY))
                .when(new AdvanceSeries(SERIES, 1, Instant.parse("2026-03-05T12:00:00Z")))
                .expectEvents(scheduled(2, due("2026-03-03T09:00")))
                .expectResultMessagePayload(2L);
    }

    @Test
    void advancingPastAnythingButTheLatestOccurrenceChangesNothing() {
        fixture.given(CREATED, scheduled(1, MONDAY), scheduled(2, due("2026-03-03T09:00")))
                .when(new AdvanceSeries(SERIES, 1, Instant.parse("2026-03-05T12:00:00Z")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theSeriesFinishesWhenTheRuleRunsOut() {
        fixture.given(CREATED, scheduled(1, MONDAY), scheduled(2, due("2026-03-03T09:00")), scheduled(3, due("2026-03-04T09:00")))
                .when(new AdvanceSeries(SERIES, 3, Instant.parse("2026-03-04T12:00:00Z")))
                .expectEvents(new SeriesFinished(SERIES));
        fixture.given(CREATED, scheduled(1, MONDAY), scheduled(2, due("2026-03-03T09:00")), scheduled(3, due("2026-03-04T09:00")),
                        new SeriesFinished(SERIES))
                .when(new AdvanceSeries(SERIES, 3, Instant.parse("2026-03-04T12:00:00Z")))
                .expectNoEvents();
    }

    @Test
    void afterCompletionTheNextIsDueIntervalDaysAfterTheDayOfCompletionInTheSeriesZone() {
        Recurrence everyThreeDays = new Recurrence("FREQ=DAILY;INTERVAL=3");
        Instant lateEveningInBerlin = Instant.parse("2026-03-05T23:30:00Z");
        fixture.given(created(everyThreeDays, RecurrenceMode.AFTER_COMPLETION), scheduled(1, MONDAY))
                .when(new AdvanceSeries(SERIES, 1, lateEveningInBerlin))
                .expectEvents(scheduled(2, due("2026-03-09T09:00")));
    }

    @Test
    void skippingDropsTheLatestOccurrenceAndSchedulesTheOneAfter() {
        fixture.given(CREATED, scheduled(1, MONDAY))
                .when(new SkipNextOccurrence(SERIES, OWNER))
                .expectEvents(new OccurrenceSkipped(SERIES, 1, FIRST_TASK),
                        scheduled(2, due("2026-03-03T09:00")));
    }

    @Test
    void skippingTheLastOccurrenceFinishesTheSeries() {
        fixture.given(CREATED, scheduled(1, MONDAY), scheduled(2, due("2026-03-03T09:00")), scheduled(3, due("2026-03-04T09:00")))
                .when(new SkipNextOccurrence(SERIES, OWNER))
                .expectEvents(new OccurrenceSkipped(SERIES, 3, SERIES.occurrenceTaskId(3)), new SeriesFinished(SERIES));
    }

    @Test
    void editsTheTemplateAndTheRuleAtOnce_andOnlyWhatChanged() {
        SeriesTemplate renamed = new SeriesTemplate("Daily stand-up", "in room 4", Priority.HIGH, Set.of());
        fixture.given(CREATED, scheduled(1, MONDAY))
                .when(new UpdateSeries(SERIES, OWNER, "Daily stand-up", "in room 4", Priority.HIGH, null, MONDAYS, null))
                .expectEvents(new SeriesTemplateChanged(SERIES, renamed),
                        new SeriesRecurrenceChanged(SERIES, MONDAYS, RecurrenceMode.FIXED))
                .expectResultMessagePayload(3L);
        fixture.given(CREATED, scheduled(1, MONDAY))
                .when(new UpdateSeries(SERIES, OWNER, " Stand-up ", null, null, Set.of(), DAILY_THREE_TIMES, RecurrenceMode.FIXED))
                .expectNoEvents();
    }

    @Test
    void theTemplatesRemindersAreReplaced_atMostTen() {
        List<ReminderSpec> halfHour = List.of(ReminderSpec.before(Duration.ofMinutes(30)));
        fixture.given(CREATED, scheduled(1, MONDAY))
                .when(new UpdateSeries(SERIES, OWNER, null, null, null, null, null, null, halfHour))
                .expectEvents(new SeriesTemplateChanged(SERIES, new SeriesTemplate(TEMPLATE.title(),
                        TEMPLATE.description(), TEMPLATE.priority(), TEMPLATE.tags(), halfHour)));
        expectInvalidField(fixture.given(CREATED, scheduled(1, MONDAY)).when(new UpdateSeries(SERIES, OWNER, null, null,
                null, null, null, null, java.util.Collections.nCopies(11, halfHour.get(0)))), "reminders");
    }

    @Test
    void futureOccurrencesFollowTheNewTemplateAndRule() {
        SeriesTemplate tagged = new SeriesTemplate("Stand-up", null, Priority.HIGH, Set.of(TagId.random()));
        fixture.given(CREATED, scheduled(1, MONDAY), new SeriesTemplateChanged(SERIES, tagged),
                        new SeriesRecurrenceChanged(SERIES, MONDAYS, RecurrenceMode.FIXED))
                .when(new AdvanceSeries(SERIES, 1, Instant.parse("2026-03-02T12:00:00Z")))
                .expectEvents(new OccurrenceScheduled(SERIES, 2, SERIES.occurrenceTaskId(2), OWNER, tagged,
                        due("2026-03-09T09:00")));
    }

    @Test
    void cannotEditTheTemplateIntoABadOne() {
        expectInvalidField(fixture.given(CREATED, scheduled(1, MONDAY))
                .when(new UpdateSeries(SERIES, OWNER, "", null, null, null, null, null)), "title");
    }

    @Test
    void stopsTheSeries_andStoppingAgainIsANoOp() {
        fixture.given(CREATED, scheduled(1, MONDAY))
                .when(new StopSeries(SERIES, OWNER))
                .expectEvents(new SeriesStopped(SERIES));
        fixture.given(CREATED, scheduled(1, MONDAY), new SeriesStopped(SERIES))
                .when(new StopSeries(SERIES, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aStoppedSeriesSchedulesNothingMore() {
        fixture.given(CREATED, scheduled(1, MONDAY), new SeriesStopped(SERIES))
                .when(new AdvanceSeries(SERIES, 1, Instant.parse("2026-03-02T12:00:00Z")))
                .expectNoEvents();
        expectCode(fixture.given(CREATED, scheduled(1, MONDAY), new SeriesStopped(SERIES))
                .when(new SkipNextOccurrence(SERIES, OWNER)), ErrorCode.SERIES_ENDED);
        expectCode(fixture.given(CREATED, scheduled(1, MONDAY), new SeriesStopped(SERIES))
                .when(new UpdateSeries(SERIES, OWNER, "Again", null, null, null, null, null)), ErrorCode.SERIES_ENDED);
    }

    @Test
    void nobodyButTheOwnerCanChangeASeries() {
        expectCode(fixture.given(CREATED, scheduled(1, MONDAY)).when(new StopSeries(SERIES, STRANGER)), ErrorCode.SERIES_NOT_FOUND);
        expectCode(fixture.given(CREATED, scheduled(1, MONDAY)).when(new SkipNextOccurrence(SERIES, STRANGER)), ErrorCode.SERIES_NOT_FOUND);
        expectCode(fixture.given(CREATED, scheduled(1, MONDAY))
                .when(new UpdateSeries(SERIES, STRANGER, "Mine", null, null, null, null, null)), ErrorCode.SERIES_NOT_FOUND);
        expectCode(fixture.given(CREATED, scheduled(1, MONDAY), new SeriesStopped(SERIES))
                .when(new SkipNextOccurrence(SERIES, STRANGER)), ErrorCode.SERIES_NOT_FOUND);
    }

    private static SeriesCreated created(Recurrence recurrence, RecurrenceMode mode) {
        return new SeriesCreated(SERIES, OWNER, TEMPLATE, recurrence, mode, MONDAY);
    }

    private static OccurrenceScheduled scheduled(int index, DueDate due) {
        return new OccurrenceScheduled(SERIES, index, index == 1 ? FIRST_TASK : SERIES.occurrenceTaskId(index), OWNER, TEMPLATE, due);
    }

    private static DueDate due(String localDateTime) {
        LocalDateTime at = LocalDateTime.parse(localDateTime);
        return new DueDate(at.toLocalDate(), at.toLocalTime(), BERLIN);
    }

    private static void expectInvalidField(ResultValidator<TaskSeries> result, String field) {
        result.expectNoEvents().expectException(refusal(ErrorCode.INVALID_FIELD, field));
    }

    private static void expectCode(ResultValidator<TaskSeries> result, ErrorCode code) {
        result.expectNoEvents().expectException(refusal(code, null));
    }
}
