package dev.taskstream.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InputRulesTest {

    @Test
    void plainTextAndWholeSurrogatePairsPass() {
        assertThat(InputRules.singleLine("title", "Café 🌱 tomorrow")).isEqualTo("Café 🌱 tomorrow");
        assertThat(InputRules.multiLine("description", "line one\n\tline two\r\n")).isNotNull();
        assertThat(InputRules.singleLine("title", null)).isNull();
    }

    @Test
    void controlCharactersAreRefusedNamingTheFieldAndPosition() {
        assertRefused(() -> InputRules.singleLine("title", "a\u0000b"), "title", "U+0000 at position 1");
        assertRefused(() -> InputRules.multiLine("description", "bell\u0007"), "description", "U+0007");
        assertRefused(() -> InputRules.singleLine("title", "two\nlines"), "title", "U+000A");
        assertRefused(() -> InputRules.singleLine("title", "del\u007f"), "title", "U+007F");
    }

    @Test
    void unpairedSurrogatesAreRefused() {
        assertRefused(() -> InputRules.singleLine("title", "x\ud800"), "title", "U+D800");
        assertRefused(() -> InputRules.singleLine("title", "\udc00x"), "title", "U+DC00");
        assertRefused(() -> InputRules.singleLine("title", "\ud83c\ud83c"), "title", "U+D83C");
    }

    @Test
    void datesStayInTheCalendarPostgresAndClientsShare() {
        assertThat(InputRules.date("due.date", LocalDate.of(1900, 1, 1))).isNotNull();
        assertThat(InputRules.date("due.date", LocalDate.of(9999, 12, 31))).isNotNull();
        assertRefused(() -> InputRules.date("due.date", LocalDate.of(1899, 12, 31)), "due.date", "1900");
        assertRefused(() -> InputRules.date("due.date", LocalDate.MAX), "due.date", "9999");
        assertRefused(() -> InputRules.instant("at", Instant.MIN), "at", "9999");
    }

    private static void assertRefused(Runnable check, String field, String detail) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(TaskstreamException.class, refused -> {
            assertThat(refused.field()).isEqualTo(field);
            assertThat(refused.getMessage()).contains(detail);
        });
    }
}
