package dev.taskstream.api.tags;

import dev.taskstream.api.TagId;

/** What creating or changing a tag answers: which tag. */
public record TagWriteResult(TagId id) {
}
