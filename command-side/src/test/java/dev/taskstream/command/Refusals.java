package dev.taskstream.command;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.TaskstreamException;
import java.util.Objects;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches the refusal an aggregate throws: its stable code and the field it names (null for none). */
public final class Refusals {

    private Refusals() {
    }

    public static Matcher<TaskstreamException> refusal(ErrorCode code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(TaskstreamException refused) {
                return refused.code() == code && Objects.equals(refused.field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with code " + code + " naming field " + field);
            }
        };
    }
}
