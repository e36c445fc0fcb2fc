package dev.taskstream.query.stream;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/** The stream's WebSocket endpoint. Clients only listen; anything they send just counts as a sign of life. */
class StreamSocketHandler extends AbstractWebSocketHandler {

    private final StreamHub hub;

    StreamSocketHandler(StreamHub hub) {
        this.hub = hub;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        hub.open(session);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        hub.heard(session);
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        hub.heard(session);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        hub.closed(session);
    }
}
