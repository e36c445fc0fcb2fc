package dev.taskstream.command.tags;

import dev.taskstream.api.TagId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tags.CreateTag;
import dev.taskstream.api.tags.DeleteTag;
import dev.taskstream.api.tags.TagRequest;
import dev.taskstream.api.tags.UpdateTag;
import dev.taskstream.command.Commands;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The REST write API for tags. Reads ({@code GET /api/tags}) are the query side's. */
@RestController
@RequestMapping("/api/tags")
class TagCommandController {

    private final Commands commands;

    TagCommandController(Commands commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody TagRequest request, UserId user) {
        TagId id = TagId.random();
        commands.send(new CreateTag(id, user, request.name(), request.colour()));
        return ResponseEntity.created(URI.create("/api/tags/" + id)).body(Map.of("id", id));
    }

    /** Renames and/or recolours; an empty colour clears it. */
    @PatchMapping("/{id}")
    Map<String, Object> update(@PathVariable UUID id, @RequestBody TagRequest request, UserId user) {
        TagId tag = new TagId(id);
        commands.send(new UpdateTag(tag, user, request.name(), request.colour()));
        return Map.of("id", tag);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id, UserId user) {
        TagId tag = new TagId(id);
        commands.send(new DeleteTag(tag, user));
        return ResponseEntity.noContent().build();
    }
}
