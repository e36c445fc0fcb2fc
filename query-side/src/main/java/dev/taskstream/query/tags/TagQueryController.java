package dev.taskstream.query.tags;

import dev.taskstream.api.UserId;
import dev.taskstream.api.tags.TagView;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TagQueryController {

    private final Tags tags;

    TagQueryController(Tags tags) {
        this.tags = tags;
    }

    /** The caller's tags by name, each with the number of their tasks that carry it. */
    @GetMapping("/api/tags")
    List<TagView> list(UserId user) {
        return tags.withTaskCounts(user);
    }
}
