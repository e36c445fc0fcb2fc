package dev.taskstream.server.admin;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.admin.DeadLetterView;
import dev.taskstream.api.admin.ProcessorStatus;
import dev.taskstream.api.admin.ReplayProgress;
import dev.taskstream.query.rebuild.Rebuilds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' API (admins only, see {@link AdminAccess}): the event processors this instance runs, projection
 * rebuilds, and the dead letters each processor parked. The CLI ({@code java -jar taskstream.jar processors} …)
 * speaks to it, over HTTP or, in its database mode, in its own process (hence public).
 */
@RestController
@RequestMapping("/api/admin/processors")
public class AdminController {

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final ObjectProvider<Rebuilds> rebuilds;

    AdminController(EventProcessingConfiguration processing, EventStore events, ObjectProvider<Rebuilds> rebuilds) {
        this.processing = processing;
        this.events = events;
        this.rebuilds = rebuilds;
    }

    @GetMapping
    public List<ProcessorStatus> processors() {
        Long head = position(events.createHeadToken());
        Set<String> rebuildable = rebuildable();
        return processing.eventProcessors().values().stream()
                .sorted(Comparator.comparing(EventProcessor::getName))
                .map(processor -> status(processor, head, rebuildable.contains(processor.getName())))
                .toList();
    }

    /** Rebuilds the processor's projections into new tables and swaps them in; reads go on meanwhile. */
    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ReplayProgress replay(@PathVariable String name) {
        processor(name);
        Rebuilds available = rebuilds.getIfAvailable();
        if (available == null) {
            throw new TaskstreamException(ErrorCode.PROCESSOR_BUSY, "processor", "This instance runs no projections.");
        }
        return available.start(name);
    }

    @GetMapping("/{name}/replay")
    public ReplayProgress replayProgress(@PathVariable String name) {
        processor(name);
        return Optional.ofNullable(rebuilds.getIfAvailable()).flatMap(r -> r.progress(name))
                .orElseThrow(() -> new TaskstreamException(ErrorCode.PROCESSOR_NOT_FOUND, "processor",
                        "No rebuild of " + name + " ran since this server started."));
    }

    @GetMapping("/{name}/dead-letters")
    public List<DeadLetterView> deadLetters(@PathVariable String name) {
        List<DeadLetterView> letters = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(name).deadLetters()) {
            sequence.forEach(letter -> letters.add(view(letter)));
        }
        return letters;
    }

    /** Retries every parked sequence, in order; answers the letters still parked (those that failed again). */
    @PostMapping("/{name}/dead-letters/retry")
    public List<DeadLetterView> retryAll(@PathVariable String name) {
        var processor = processing.sequencedDeadLetterProcessor(name).orElseThrow(() -> noQueue(name));
        // One sequence per round, each at most once: a sequence that fails again stays parked and is not retried here.
        LongStream.range(0, queue(name).amountOfSequences()).takeWhile(round -> processor.processAny()).count();
        return deadLetters(name);
    }

    /** Retries the sequence that starts with the letter {@code id}. */
    @PostMapping("/{name}/dead-letters/{id}/retry")
    public List<DeadLetterView> retry(@PathVariable String name, @PathVariable String id) {
        letter(name, id);
        processing.sequencedDeadLetterProcessor(name).orElseThrow(() -> noQueue(name))
                .process(letter -> letter.message().getIdentifier().equals(id));
        return deadLetters(name);
    }

    /** Drops a parked letter for good: its event is never delivered to this processor again. */
    @DeleteMapping("/{name}/dead-letters/{id}")
    public List<DeadLetterView> evict(@PathVariable String name, @PathVariable String id) {
        queue(name).evict(letter(name, id));
        return deadLetters(name);
    }

    private ProcessorStatus status(EventProcessor processor, Long head, boolean rebuildable) {
        Long letters = processing.deadLetterQueue(processor.getName()).map(SequencedDeadLetterQueue::size).orElse(null);
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProcessorStatus(processor.getName(), "subscribing", processor.isRunning(), 0, null, head, null,
                    false, false, letters, rebuildable);
        }
        Map<Integer, EventTrackerStatus> segments = streaming.processingStatus();
        Long position = segments.values().stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).min(Long::compare).orElse(null);
        return new ProcessorStatus(processor.getName(), mode(processor), processor.isRunning(), segments.size(),
                position, head, position == null || head == null ? null : Math.max(0, head - position),
                streaming.isReplaying(), segments.values().stream().anyMatch(EventTrackerStatus::isErrorState),
                letters, rebuildable);
    }

    private static String mode(EventProcessor processor) {
        if (processor instanceof TrackingEventProcessor) {
            return "tracking";
        }
        return processor instanceof PooledStreamingEventProcessor ? "pooled" : "streaming";
    }

    private Set<String> rebuildable() {
        Rebuilds available = rebuilds.getIfAvailable();
        return available == null ? Set.of() : available.processors();
    }

    private static Long position(TrackingToken token) {
        return token == null ? null : token.position().stream().boxed().findFirst().orElse(null);
    }

    private EventProcessor processor(String name) {
        return processing.eventProcessor(name).orElseThrow(() -> new TaskstreamException(ErrorCode.PROCESSOR_NOT_FOUND,
                "processor", "No processor " + name + " runs here; GET /api/admin/processors lists them."));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String name) {
        processor(name);
        return processing.deadLetterQueue(name).orElseThrow(() -> noQueue(name));
    }

    private DeadLetter<? extends EventMessage<?>> letter(String name, String id) {
        return StreamSupport.stream(queue(name).deadLetters().spliterator(), false)
                .flatMap(sequence -> StreamSupport.stream(sequence.spliterator(), false))
                .filter(letter -> letter.message().getIdentifier().equals(id))
                .findFirst()
                .orElseThrow(() -> new TaskstreamException(ErrorCode.DEAD_LETTER_NOT_FOUND, "id",
                        "No dead letter " + id + " in " + name + "."));
    }

    private static TaskstreamException noQueue(String name) {
        return new TaskstreamException(ErrorCode.PROCESSOR_NOT_FOUND, "processor", name + " has no dead-letter queue.");
    }

    private static DeadLetterView view(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        String sequence = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        return new DeadLetterView(message.getIdentifier(), sequence, message.getPayloadType().getSimpleName(),
                letter.enqueuedAt(), letter.lastTouched(),
                letter.cause().map(cause -> cause.type() + ": " + cause.message()).orElse(null));
    }
}
