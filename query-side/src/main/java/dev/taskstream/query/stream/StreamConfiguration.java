package dev.taskstream.query.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * {@code GET /api/stream}: a raw WebSocket with JSON text messages. Any origin may connect: the handshake is
 * authenticated by a ticket in the URL, never by a cookie, so another site's page cannot ride on a user's session.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableScheduling
@EnableConfigurationProperties(StreamSettings.class)
class StreamConfiguration implements WebSocketConfigurer {

    /**
     * Clients only answer pings (at most 125 bytes); a larger message closes the stream with 1009. Tomcat keeps
     * buffers of this size per stream, so 1 KB instead of its 8 KB default saves about 21 KiB of heap per idle
     * stream (measured 91 KiB per stream with the default, see the README).
     */
    private static final int MAX_INCOMING_MESSAGE = 1024;

    private final StreamHub hub;
    private final StreamTickets tickets;
    private final ObjectMapper json;

    StreamConfiguration(StreamHub hub, StreamTickets tickets, ObjectMapper json) {
        this.hub = hub;
        this.tickets = tickets;
        this.json = json;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new StreamSocketHandler(hub), "/api/stream")
                .addInterceptors(new TicketHandshake(tickets, json))
                .setAllowedOriginPatterns("*");
    }

    @Bean
    ServletServerContainerFactoryBean streamContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(MAX_INCOMING_MESSAGE);
        container.setMaxBinaryMessageBufferSize(MAX_INCOMING_MESSAGE);
        return container;
    }
}
