package dev.taskstream.query.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The stream's meters: {@code taskstream.stream.sessions} (open), {@code taskstream.stream.messages.sent},
 * {@code taskstream.stream.send.latency} (from the change's write in the projection to its send) and
 * {@code taskstream.stream.closes} by {@code reason} ({@code slow-consumer}, {@code idle}, {@code token-expired},
 * {@code send-failed}).
 */
@Component
class StreamMetrics {

    private final MeterRegistry registry;
    private final Counter sent;
    private final Timer latency;

    StreamMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.sent = Counter.builder("taskstream.stream.messages.sent").register(registry);
        this.latency = Timer.builder("taskstream.stream.send.latency")
                .description("From the change's write in the projection to its send to one connection")
                .register(registry);
    }

    void watchSessions(Supplier<Number> open) {
        Gauge.builder("taskstream.stream.sessions", open).register(registry);
    }

    void sent(StoredChange change) {
        sent.increment();
        latency.record(Duration.between(change.createdAt(), Instant.now()));
    }

    void closed(String reason) {
        registry.counter("taskstream.stream.closes", "reason", reason).increment();
    }
}
