package dev.taskstream.query.stream;

import org.springframework.web.socket.CloseStatus;

/** Why the server closes a stream: close codes in the private range 4000-4999, each with its reason. */
final class StreamCloses {

    /** The client answered no ping, and sent nothing, for the idle timeout. */
    static final CloseStatus IDLE = new CloseStatus(4000, "idle: no pong within the idle timeout");
    /** The token the ticket was issued for has expired: get a new token and a new ticket. */
    static final CloseStatus TOKEN_EXPIRED = new CloseStatus(4001, "token expired");
    /** The client did not read its messages fast enough; reconnect with since to catch up. */
    static final CloseStatus SLOW_CONSUMER = new CloseStatus(4002, "slow consumer: messages were not read in time");

    private StreamCloses() {
    }
}
