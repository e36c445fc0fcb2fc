package dev.taskstream.query.stream;

import dev.taskstream.api.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Trades the caller's bearer token for a short-lived, single-use ticket that opens {@code GET /api/stream}. */
@RestController
class StreamTicketController {

    private final StreamTickets tickets;
    private final StreamSettings settings;

    StreamTicketController(StreamTickets tickets, StreamSettings settings) {
        this.tickets = tickets;
        this.settings = settings;
    }

    record Ticket(String ticket, long expiresIn) {
    }

    @PostMapping("/api/stream/ticket")
    ResponseEntity<Ticket> issue(Caller caller) {
        String ticket = tickets.issue(caller.user(), caller.tokenExpiresAt());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new Ticket(ticket, settings.ticketTtl().toSeconds()));
    }
}
