package dev.taskstream.command.tags;

import static dev.taskstream.command.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.TagId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tags.CreateTag;
import dev.taskstream.api.tags.DeleteTag;
import dev.taskstream.api.tags.TagCreated;
import dev.taskstream.api.tags.TagDeleted;
import dev.taskstream.api.tags.TagRecoloured;
import dev.taskstream.api.tags.TagRenamed;
import dev.taskstream.api.tags.UpdateTag;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TagTest {

    private static final TagId TAG = TagId.random();
    private static final TagId OTHER_TAG = TagId.random();
    private static final UserId OWNER = new UserId(UUID.randomUUID());
    private static final UserId STRANGER = new UserId(UUID.randomUUID());
    private static final TagCreated CREATED = new TagCreated(TAG, OWNER, "Home", null);

    private FixtureConfiguration<Tag> fixture;
    private InMemoryTagNames names;

    @BeforeEach
    void setUp() {
        names = new InMemoryTagNames();
        fixture = new AggregateTestFixture<>(Tag.class);
        fixture.registerInjectableResource(names);
    }

    @Test
    void createsATagWithATrimmedNameAndLowerCaseColour() {
        fixture.givenNoPriorActivity()
                .when(new CreateTag(TAG, OWNER, "  Home ", "#3B82F6"))
                .expectEvents(new TagCreated(TAG, OWNER, "Home", "#3b82f6"));
    }

    @Test
    void namesAreUniquePerOwnerIgnoringCase() {
        names.claim(OWNER, "home", OTHER_TAG);
        expect(fixture.givenNoPriorActivity().when(new CreateTag(TAG, OWNER, "HOME", null)),
                ErrorCode.TAG_NAME_TAKEN, "name");
    }

    @Test
    void anotherUserMayUseTheSameName() {
        names.claim(STRANGER, "home", OTHER_TAG);
        fixture.givenNoPriorActivity()
                .when(new CreateTag(TAG, OWNER, "Home", null))
                .expectEvents(new TagCreated(TAG, OWNER, "Home", null));
    }

    @Test
    void refusesBlankOverlongAndMalformedInput() {
        expect(fixture.givenNoPriorActivity().when(new CreateTag(TAG, OWNER, " ", null)), ErrorCode.INVALID_FIELD, "name");
        expect(fixture.givenNoPriorActivity().when(new CreateTag(TAG, OWNER, "x".repeat(51), null)),
                ErrorCode.INVALID_FIELD, "name");
        expect(fixture.givenNoPriorActivity().when(new CreateTag(TAG, OWNER, "Home", "blue")),
                ErrorCode.INVALID_FIELD, "colour");
    }

    @Test
    void renamesWithOneEvent() {
        names.claim(OWNER, "Home", TAG);
        fixture.given(CREATED)
                .when(new UpdateTag(TAG, OWNER, "House", null))
                .expectEvents(new TagRenamed(TAG, "House"));
    }

    @Test
    void renamingOnlyTheCaseIsAllowed() {
        names.claim(OWNER, "Home", TAG);
        fixture.given(CREATED)
                .when(new UpdateTag(TAG, OWNER, "HOME", null))
                .expectEvents(new TagRenamed(TAG, "HOME"));
    }

    @Test
    void cannotRenameToAnotherTagsName() {
        names.claim(OWNER, "Home", TAG);
        names.claim(OWNER, "Work", OTHER_TAG);
        expect(fixture.given(CREATED).when(new UpdateTag(TAG, OWNER, "work", null)), ErrorCode.TAG_NAME_TAKEN, "name");
    }

    @Test
    void aRenameWithABadColourChangesNothing() {
        expect(fixture.given(CREATED).when(new UpdateTag(TAG, OWNER, "House", "red")), ErrorCode.INVALID_FIELD, "colour");
    }

    @Test
    void aRenameAndRecolourIsOneDecision() {
        fixture.given(CREATED)
                .when(new UpdateTag(TAG, OWNER, "House", "#00FF00"))
                .expectEvents(new TagRenamed(TAG, "House"), new TagRecoloured(TAG, "#00ff00"));
    }

    @Test
    void recoloursAndClearsTheColour() {
        fixture.given(CREATED).when(new UpdateTag(TAG, OWNER, null, "#00ff00")).expectEvents(new TagRecoloured(TAG, "#00ff00"));
        fixture.given(CREATED, new TagRecoloured(TAG, "#00ff00"))
                .when(new UpdateTag(TAG, OWNER, null, ""))
                .expectEvents(new TagRecoloured(TAG, null));
        fixture.given(CREATED).when(new UpdateTag(TAG, OWNER, null, null)).expectNoEvents();
    }

    @Test
    void deletingFreesTheName() {
        names.claim(OWNER, "Home", TAG);
        fixture.given(CREATED).when(new DeleteTag(TAG, OWNER)).expectEvents(new TagDeleted(TAG));
        assertThat(names.find(OWNER, "home")).isEmpty();
    }

    @Test
    void nobodyButTheOwnerCanChangeATag() {
        expect(fixture.given(CREATED).when(new UpdateTag(TAG, STRANGER, "Mine", null)), ErrorCode.TAG_NOT_FOUND, null);
        expect(fixture.given(CREATED).when(new UpdateTag(TAG, STRANGER, null, "#000000")), ErrorCode.TAG_NOT_FOUND, null);
        expect(fixture.given(CREATED).when(new DeleteTag(TAG, STRANGER)), ErrorCode.TAG_NOT_FOUND, null);
    }

    private static void expect(ResultValidator<Tag> result, ErrorCode code, String field) {
        result.expectNoEvents().expectException(refusal(code, field));
    }
}
