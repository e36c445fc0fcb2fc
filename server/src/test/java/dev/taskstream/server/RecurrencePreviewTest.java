package dev.taskstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.server.support.ApiClient;
import dev.taskstream.server.support.ApiClient.Response;
import dev.taskstream.server.support.ServerTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A user tries rules out before saving one; the preview answers in the zone's own offsets. */
@ServerTest
class RecurrencePreviewTest {

    @LocalServerPort
    int port;

    private ApiClient user;

    @BeforeEach
    void newUser() {
        user = ApiClient.newUser(port);
    }

    @Test
    void previewsTheFirstOccurrencesWithTheirOffsets_nineOClockAcrossTheBerlinSpringChange() {
        Response preview = preview("freq=daily", "2026-03-28T09:00", "Europe/Berlin", "&count=3");

        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.text("rule")).isEqualTo("FREQ=DAILY");
        assertThat(occurrences(preview)).containsExactly(
                OffsetDateTime.parse("2026-03-28T09:00+01:00"),
                OffsetDateTime.parse("2026-03-29T09:00+02:00"),
                OffsetDateTime.parse("2026-03-30T09:00+02:00"));
    }

    @Test
    void aTimeInTheNewYorkGapMovesForwardByTheGap() {
        assertThat(occurrences(preview("FREQ=DAILY", "2026-03-07T02:30", "America/New_York", "&count=3"))).containsExactly(
                OffsetDateTime.parse("2026-03-07T02:30-05:00"),
                OffsetDateTime.parse("2026-03-08T03:30-04:00"),
                OffsetDateTime.parse("2026-03-09T02:30-04:00"));
    }

    @Test
    void showsTenByDefault_andNoMoreThanTheRuleHas() {
        assertThat(occurrences(preview("FREQ=MONTHLY;BYDAY=-1FR", "2026-01-30T17:00", "Europe/Berlin", ""))).hasSize(10);
        assertThat(occurrences(preview("FREQ=WEEKLY;COUNT=2", "2026-01-30T17:00", "Europe/Berlin", "&count=100"))).hasSize(2);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        Response badPart = preview("FREQ=WEEKLY;BYDAY=MO,XX", "2026-03-28T09:00", "Europe/Berlin", "");
        assertProblem(badPart, "rule");
        assertThat(badPart.text("detail")).contains("BYDAY");
        assertProblem(preview("FREQ=HOURLY", "2026-03-28T09:00", "Europe/Berlin", ""), "rule");
        assertProblem(preview("FREQ=DAILY", "2026-03-28T09:00", "Mars/Olympus", ""), "tz");
        assertProblem(preview("FREQ=DAILY", "2026-03-28T09:00", "+02:00", ""), "tz");
        assertProblem(preview("FREQ=DAILY", "tomorrow", "Europe/Berlin", ""), "start");
        assertProblem(preview("FREQ=DAILY", "2026-03-28T09:00", "Europe/Berlin", "&count=0"), "count");
        assertProblem(preview("FREQ=DAILY", "2026-03-28T09:00", "Europe/Berlin", "&count=101"), "count");
        assertProblem(preview("FREQ=DAILY", "2026-03-28T09:00", "Europe/Berlin", "&count=all"), "count");
        assertProblem(user.get("/api/recurrence/preview?start=2026-03-28T09:00&tz=UTC"), "rule");
    }

    @Test
    void needsATokenLikeEveryOtherApi() {
        assertThat(ApiClient.anonymous(port).get("/api/recurrence/preview?rule=FREQ%3DDAILY&start=2026-03-28T09:00&tz=UTC")
                .status()).isEqualTo(401);
    }

    private Response preview(String rule, String start, String tz, String more) {
        return user.get("/api/recurrence/preview?rule=" + encode(rule) + "&start=" + encode(start) + "&tz=" + encode(tz) + more);
    }

    private static List<OffsetDateTime> occurrences(Response preview) {
        List<OffsetDateTime> times = new ArrayList<>();
        preview.body().get("occurrences").forEach(time -> times.add(OffsetDateTime.parse(time.asText())));
        return times;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void assertProblem(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.text("field")).as(response.toString()).isEqualTo(field);
        assertThat(response.text("detail")).isNotBlank();
    }
}
