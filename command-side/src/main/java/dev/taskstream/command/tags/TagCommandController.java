package dev.taskstream.command.tags;

import dev.taskstream.api.TagId;
import dev.taskstream.api.UserId;
import dev.taskstream.api.tags.CreateTag;
import dev.taskstream.api.tags.DeleteTag;
import dev.taskstream.api.tags.TagRequest;
import dev.taskstream.api.tags.TagWriteResult;
import dev.taskstream.api.tags.UpdateTag;
import dev.taskstream.command.Commands;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
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
    @ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = TagWriteResult.class)))
    ResponseEntity<TagWriteResult> create(@RequestBody TagRequest request, UserId user) {
        TagId id = TagId.random();
        commands.send(new CreateTag(id, user, request.name(), request.colour()));
        return ResponseEntity.created(URI.create("/api/tags/" + id)).body(new TagWriteResult(id));
    }

    /** Renames and/or recolours; an empty colour clears it. */
    @PatchMapping("/{id}")
    TagWriteResult update(@PathVariable UUID id, @RequestBody TagRequest request, UserId user) {
        TagId tag = new TagId(id);
        commands.send(new UpdateTag(tag, user, request.name(), request.colour()));
        return new TagWriteResult(tag);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id, UserId user) {
        TagId tag = new TagId(id);
        commands.send(new DeleteTag(tag, user));
    }
}
