package dev.taskstream.query.tags;

import dev.taskstream.api.UserId;
import dev.taskstream.api.tags.TagView;
import dev.taskstream.query.stream.ChangeLogReader;
import dev.taskstream.query.stream.StreamPosition;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TagQueryController {

    private final Tags tags;
    private final ChangeLogReader changes;

    TagQueryController(Tags tags, ChangeLogReader changes) {
        this.tags = tags;
        this.changes = changes;
    }

    /** The caller's tags by name, each with the number of their tasks that carry it, and the stream position. */
    @GetMapping("/api/tags")
    ResponseEntity<List<TagView>> list(UserId user) {
        long position = changes.position(user);
        return ResponseEntity.ok().header(StreamPosition.HEADER, Long.toString(position)).body(tags.withTaskCounts(user));
    }
}
