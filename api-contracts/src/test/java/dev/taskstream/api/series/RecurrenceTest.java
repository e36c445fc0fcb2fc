package dev.taskstream.api.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.tasks.DueDate;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    private static final String NEW_YORK = "America/New_York";
    private static final String BERLIN = "Europe/Berlin";

    /** The examples of RFC 5545 section 3.8.5.3, all with DTSTART;TZID=America/New_York. */
    @Nested
    class Rfc5545Examples {

        @Test
        void dailyForTenOccurrences() {
            assertThat(dates("FREQ=DAILY;COUNT=10", "1997-09-02T09:00", 20)).containsExactly(
                    "1997-09-02", "1997-09-03", "1997-09-04", "1997-09-05", "1997-09-06",
                    "1997-09-07", "1997-09-08", "1997-09-09", "1997-09-10", "1997-09-11");
        }

        @Test
        void everyOtherDayForever() {
            assertThat(dates("FREQ=DAILY;INTERVAL=2", "1997-09-02T09:00", 5))
                    .containsExactly("1997-09-02", "1997-09-04", "1997-09-06", "1997-09-08", "1997-09-10");
        }

        @Test
        void weeklyOnTuesdayAndThursdayForFiveWeeks() {
            assertThat(dates("FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH", "1997-09-02T09:00", 20))
                    .containsExactly("1997-09-02", "1997-09-04", "1997-09-09", "1997-09-11", "1997-09-16",
                            "1997-09-18", "1997-09-23", "1997-09-25", "1997-09-30", "1997-10-02");
        }

        @Test
        void everyOtherWeekOnMondayWednesdayFridayUntilChristmasEve_stayingAt9AcrossTheEndOfDst() {
            List<String> times = times("FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR",
                    "1997-09-01T09:00", NEW_YORK, 50);
            assertThat(times).hasSize(25).startsWith("1997-09-01T09:00-04:00").endsWith("1997-12-22T09:00-05:00");
            assertThat(times).containsSubsequence("1997-10-17T09:00-04:00", "1997-10-27T09:00-05:00");
        }

        @Test
        void monthlyOnTheFirstFridayForTenOccurrences() {
            assertThat(dates("FREQ=MONTHLY;COUNT=10;BYDAY=1FR", "1997-09-05T09:00", 20)).containsExactly(
                    "1997-09-05", "1997-10-03", "1997-11-07", "1997-12-05", "1998-01-02",
                    "1998-02-06", "1998-03-06", "1998-04-03", "1998-05-01", "1998-06-05");
        }

        @Test
        void everyOtherMonthOnTheFirstAndLastSundayForTenOccurrences() {
            assertThat(dates("FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU", "1997-09-07T09:00", 20)).containsExactly(
                    "1997-09-07", "1997-09-28", "1997-11-02", "1997-11-30", "1998-01-04",
                    "1998-01-25", "1998-03-01", "1998-03-29", "1998-05-03", "1998-05-31");
        }

        @Test
        void monthlyOnTheSecondToLastMondayForSixMonths() {
            assertThat(dates("FREQ=MONTHLY;COUNT=6;BYDAY=-2MO", "1997-09-22T09:00", 20)).containsExactly(
                    "1997-09-22", "1997-10-20", "1997-11-17", "1997-12-22", "1998-01-19", "1998-02-16");
        }

        @Test
        void monthlyOnTheThirdToLastDay() {
            assertThat(dates("FREQ=MONTHLY;BYMONTHDAY=-3", "1997-09-28T09:00", 6)).containsExactly(
                    "1997-09-28", "1997-10-29", "1997-11-28", "1997-12-29", "1998-01-29", "1998-02-26");
        }

        @Test
        void yearlyInJuneAndJulyForTenOccurrences() {
            assertThat(dates("FREQ=YEARLY;COUNT=10;BYMONTH=6,7", "1997-06-10T09:00", 20)).containsExactly(
                    "1997-06-10", "1997-07-10", "1998-06-10", "1998-07-10", "1999-06-10",
                    "1999-07-10", "2000-06-10", "2000-07-10", "2001-06-10", "2001-07-10");
        }

        @Test
        void theThirdTuesdayWednesdayOrThursdayOfTheMonthForThreeMonths() {
            assertThat(dates("FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", "1997-09-04T09:00", 20))
                    .containsExactly("1997-09-04", "1997-10-07", "1997-11-06");
        }

        @Test
        void theLastWorkdayOfTheMonth() {
            assertThat(dates("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "1997-09-29T09:00", 7)).containsExactly(
                    "1997-09-30", "1997-10-31", "1997-11-28", "1997-12-31", "1998-01-30", "1998-02-27", "1998-03-31");
        }

        @Test
        void theWeekStartDecidesWhichDaysAnIntervalOfTwoWeeksTakes() {
            assertThat(dates("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", "1997-08-05T09:00", 20))
                    .containsExactly("1997-08-05", "1997-08-10", "1997-08-19", "1997-08-24");
            assertThat(dates("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", "1997-08-05T09:00", 20))
                    .containsExactly("1997-08-05", "1997-08-17", "1997-08-19", "1997-08-31");
        }
    }

    @Nested
    class Calendar {

        @Test
        void theSecondTuesdayOfEveryMonth() {
            assertThat(dates("FREQ=MONTHLY;BYDAY=2TU", "2026-01-13T09:00", 4))
                    .containsExactly("2026-01-13", "2026-02-10", "2026-03-10", "2026-04-14");
        }

        @Test
        void theLastFridayOfEveryMonth() {
            assertThat(dates("FREQ=MONTHLY;BYDAY=-1FR", "2026-01-30T09:00", 6)).containsExactly(
                    "2026-01-30", "2026-02-27", "2026-03-27", "2026-04-24", "2026-05-29", "2026-06-26");
        }

        @Test
        void theLastDayOfEveryMonth() {
            assertThat(dates("FREQ=MONTHLY;BYMONTHDAY=-1", "2026-01-31T09:00", 4))
                    .containsExactly("2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30");
        }

        @Test
        void aStartOffTheRuleIsNotAnInstance() {
            assertThat(dates("FREQ=WEEKLY;BYDAY=MO", "2026-03-24T09:00", 2)).containsExactly("2026-03-30", "2026-04-06");
        }

        @Test
        void aRuleThatMatchesNoDateEndsInsteadOfSearchingForever() {
            assertThat(dates("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "2026-01-01T09:00", 3)).isEmpty();
        }

        @Test
        void allDaySeriesKeepAllDayDues() {
            DueDate start = new DueDate(LocalDate.of(2026, 3, 1), null, BERLIN);
            assertThat(new Recurrence("FREQ=MONTHLY").dueDates(start, 2)).containsExactly(
                    start, new DueDate(LocalDate.of(2026, 4, 1), null, BERLIN));
        }

        @Test
        void untilIsReadInTheSeriesZoneWhateverItsKind() {
            assertThat(dates("FREQ=DAILY;UNTIL=20260303", "2026-03-01T09:00", 9))
                    .containsExactly("2026-03-01", "2026-03-02", "2026-03-03");
            assertThat(dates("FREQ=DAILY;UNTIL=20260303T090000", "2026-03-01T09:00", 9))
                    .containsExactly("2026-03-01", "2026-03-02", "2026-03-03");
            DueDate allDay = new DueDate(LocalDate.of(2026, 3, 1), null, NEW_YORK);
            assertThat(new Recurrence("FREQ=DAILY;UNTIL=20260303T030000Z").dueDates(allDay, 9))
                    .extracting(DueDate::date)
                    .containsExactly(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2));
        }

        @Test
        void theNextInstanceComesAfterThePreviousDue() {
            Recurrence mondays = new Recurrence("FREQ=WEEKLY;BYDAY=MO;COUNT=3");
            DueDate start = due("2026-03-02T09:00", BERLIN);

            assertThat(mondays.dueAfter(start, due("2026-03-02T09:00", BERLIN))).contains(due("2026-03-09T09:00", BERLIN));
            assertThat(mondays.dueAfter(start, due("2026-03-04T12:00", BERLIN))).contains(due("2026-03-09T09:00", BERLIN));
            assertThat(mondays.dueAfter(start, due("2026-03-16T09:00", BERLIN))).isEmpty();
        }
    }

    @Nested
    class DaylightSavingTime {

        @Test
        void nineOClockInBerlinStaysNineAcrossBothChanges() {
            assertThat(times("FREQ=DAILY", "2026-03-28T09:00", BERLIN, 2))
                    .containsExactly("2026-03-28T09:00+01:00", "2026-03-29T09:00+02:00");
            assertThat(times("FREQ=DAILY", "2026-10-24T09:00", BERLIN, 2))
                    .containsExactly("2026-10-24T09:00+02:00", "2026-10-25T09:00+01:00");
        }

        @Test
        void nineOClockInNewYorkStaysNineAcrossBothChanges() {
            assertThat(times("FREQ=DAILY", "2026-03-07T09:00", NEW_YORK, 2))
                    .containsExactly("2026-03-07T09:00-05:00", "2026-03-08T09:00-04:00");
            assertThat(times("FREQ=DAILY", "2026-10-31T09:00", NEW_YORK, 2))
                    .containsExactly("2026-10-31T09:00-04:00", "2026-11-01T09:00-05:00");
        }

        @Test
        void halfPastTwoInTheSpringGapMovesForwardByTheGap_andBackToHalfPastTwoTheDayAfter() {
            assertThat(times("FREQ=DAILY", "2026-03-28T02:30", BERLIN, 3))
                    .containsExactly("2026-03-28T02:30+01:00", "2026-03-29T03:30+02:00", "2026-03-30T02:30+02:00");
            assertThat(times("FREQ=DAILY", "2026-03-07T02:30", NEW_YORK, 3))
                    .containsExactly("2026-03-07T02:30-05:00", "2026-03-08T03:30-04:00", "2026-03-09T02:30-04:00");
        }

        @Test
        void theDueKeepsTheWallClockTimeTheUserAskedFor() {
            DueDate gap = new Recurrence("FREQ=DAILY").dueDates(due("2026-03-28T02:30", BERLIN), 2).get(1);
            assertThat(gap).isEqualTo(due("2026-03-29T02:30", BERLIN));
        }

        @Test
        void anAmbiguousAutumnTimeTakesTheEarlierOffset() {
            assertThat(times("FREQ=DAILY", "2026-10-24T02:30", BERLIN, 2))
                    .containsExactly("2026-10-24T02:30+02:00", "2026-10-25T02:30+02:00");
            assertThat(times("FREQ=DAILY", "2026-10-31T01:30", NEW_YORK, 2))
                    .containsExactly("2026-10-31T01:30-04:00", "2026-11-01T01:30-04:00");
        }
    }

    @Nested
    class AfterCompletion {

        private final DueDate start = due("2026-03-02T09:00", BERLIN);

        @Test
        void countsTheIntervalFromTheDayOfCompletion() {
            assertThat(RecurrencePreset.DAILY.every(3).dueAfterCompletion(start, LocalDate.of(2026, 3, 6), 2))
                    .contains(due("2026-03-09T09:00", BERLIN));
        }

        @Test
        void aMonthAfterTheLastOfJanuaryIsTheLastOfFebruary() {
            assertThat(new Recurrence("FREQ=MONTHLY").dueAfterCompletion(start, LocalDate.of(2026, 1, 31), 2))
                    .contains(due("2026-02-28T09:00", BERLIN));
        }

        @Test
        void endsAfterCountOccurrencesOrPastUntil() {
            LocalDate done = LocalDate.of(2026, 3, 10);
            assertThat(new Recurrence("FREQ=WEEKLY;COUNT=3").dueAfterCompletion(start, done, 3)).isPresent();
            assertThat(new Recurrence("FREQ=WEEKLY;COUNT=3").dueAfterCompletion(start, done, 4)).isEmpty();
            assertThat(new Recurrence("FREQ=WEEKLY;UNTIL=20260317T080000Z").dueAfterCompletion(start, done, 2)).isPresent();
            assertThat(new Recurrence("FREQ=WEEKLY;UNTIL=20260317T075959Z").dueAfterCompletion(start, done, 2)).isEmpty();
        }
    }

    @Nested
    class Reading {

        @Test
        void keepsLibRecursCanonicalSpelling() {
            assertThat(Recurrence.parse("rule", "rrule:freq=monthly;bysetpos=-1;byday=mo,tu,we,th,fr").rule())
                    .isEqualTo("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1");
        }

        /** Events hold rules: one stored under looser checks (here: hourly, refused today) still loads and expands. */
        @Test
        void aStoredRuleLoadsAndExpandsEvenWhereANewOneWouldBeRefused() {
            assertThatThrownBy(() -> Recurrence.parse("rule", "FREQ=HOURLY;INTERVAL=12")).isInstanceOf(TaskstreamException.class);

            Recurrence stored = Recurrence.of("FREQ=HOURLY;INTERVAL=12");

            assertThat(stored.dueDates(due("2026-03-02T09:00", BERLIN), 2)).hasSize(2);
        }

        @Test
        void presetsAreRules() {
            assertThat(RecurrencePreset.WEEKDAYS.every(1).rule()).isEqualTo("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
            assertThat(RecurrencePreset.DAILY.every(3).rule()).isEqualTo("FREQ=DAILY;INTERVAL=3");
            assertThat(new RecurrenceRequest(null, RecurrencePreset.MONTHLY, 2, null).recurrence().rule())
                    .isEqualTo("FREQ=MONTHLY;INTERVAL=2");
        }

        @Test
        void namesThePartAtFault() {
            assertRefused("FREQ=WEEKLY;BYDAY=TU,XX", "BYDAY");
            assertRefused("FREQ=MONTHLY;BYMONTHDAY=40", "BYMONTHDAY");
            assertRefused("FREQ=DAILY;INTERVAL=0", "INTERVAL");
            assertRefused("FREQ=DAILY;COUNT=many", "COUNT");
            assertRefused("FREQ=DAILY;UNTIL=tomorrow", "UNTIL");
            assertRefused("FREQ=WEEKLY;WKST=XX", "WKST");
            assertRefused("FREQ=WEEKLY;BYDAY=1MO", "BYDAY");
            assertRefused("FREQ=DAILY;BYSETPOS=1", "BYSETPOS");
            assertRefused("FREQ=FORTNIGHTLY", "FREQ");
            assertRefused("BYDAY=MO", "FREQ");
            assertRefused("FREQ=HOURLY", "FREQ");
            assertRefused("FREQ=DAILY;BYHOUR=9", "BYHOUR");
            assertRefused("FREQ=DAILY;X-NAME=1", "X-NAME");
            assertRefused("  ", "FREQ");
        }

        @Test
        void boundsKeepEveryExpansionCheap() {
            assertRefused("FREQ=DAILY;INTERVAL=999999999", "INTERVAL");
            assertRefused("FREQ=YEARLY;COUNT=99999999", "COUNT");
            assertRefused("FREQ=MONTHLY;BYSETPOS=400;BYDAY=MO", "BYSETPOS");
            assertRefused("FREQ=MONTHLY;BYSETPOS=-367;BYDAY=MO", "BYSETPOS");
            assertThat(new Recurrence("FREQ=DAILY;INTERVAL=1000").rule()).isEqualTo("FREQ=DAILY;INTERVAL=1000");
        }

        @Test
        void instancesStopAtTheEndOfTheCalendar() {
            assertThat(dates("FREQ=YEARLY;INTERVAL=1000", "9000-01-01T09:00", 5)).containsExactly("9000-01-01");
        }

        @Test
        void aRuleOrAPresetButNotBoth() {
            assertRefusedField(new RecurrenceRequest("FREQ=DAILY", RecurrencePreset.DAILY, null, null), "recurrence.preset");
            assertRefusedField(new RecurrenceRequest("FREQ=DAILY", null, 2, null), "recurrence.every");
            assertRefusedField(new RecurrenceRequest(null, RecurrencePreset.DAILY, 0, null), "recurrence.every");
            assertRefusedField(new RecurrenceRequest(null, null, null, null), "recurrence.rule");
            assertRefusedField(new RecurrenceRequest("FREQ=DAILY;BYDAY=XX", null, null, null), "recurrence.rule");
        }

        @Test
        void tellsWhichPartsTieARuleToTheCalendar() {
            assertThat(new Recurrence("FREQ=DAILY;INTERVAL=3;COUNT=5").calendarPart()).isEmpty();
            assertThat(new Recurrence("FREQ=WEEKLY;BYDAY=MO").calendarPart()).contains("BYDAY");
        }

        private void assertRefused(String rule, String part) {
            assertThatThrownBy(() -> Recurrence.parse("rule", rule))
                    .isInstanceOfSatisfying(TaskstreamException.class, refused -> {
                        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                        assertThat(refused.field()).isEqualTo("rule");
                        assertThat(refused.getMessage()).contains(part);
                    });
        }

        private void assertRefusedField(RecurrenceRequest request, String field) {
            assertThatThrownBy(request::recurrence)
                    .isInstanceOfSatisfying(TaskstreamException.class, refused -> assertThat(refused.field()).isEqualTo(field));
        }
    }

    private static DueDate due(String localDateTime, String zone) {
        LocalDateTime at = LocalDateTime.parse(localDateTime);
        return new DueDate(at.toLocalDate(), at.toLocalTime(), zone);
    }

    private static List<String> dates(String rule, String start, int limit) {
        return new Recurrence(rule).dueDates(due(start, NEW_YORK), limit).stream()
                .map(due -> due.date().toString())
                .toList();
    }

    private static List<String> times(String rule, String start, String zone, int limit) {
        return new Recurrence(rule).dueDates(due(start, zone), limit).stream()
                .map(due -> due.deadline().atZone(ZoneId.of(zone)).toOffsetDateTime().toString())
                .toList();
    }
}
