package dev.taskstream.server;

import dev.taskstream.server.support.ServerTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Projection handlers run without a savepoint of their own, so an event that fails takes its batch down with it
 * once, and is then tried alone behind a savepoint. What a user must never see comes from the two ways a handler
 * fails: a write PostgreSQL refuses (the transaction is aborted) and an exception after a write (the transaction is
 * usable, the write is half of what the handler meant). Either way the event is parked with nothing of it stored,
 * and the events around it in the same batch are stored once.
 */
@ServerTest(properties = {
        "axon.eventhandling.processors." + FailedEventIsolationTest.GROUP + ".mode=tracking",
        "axon.eventhandling.processors." + FailedEventIsolationTest.GROUP + ".batch-size=50",
        "axon.eventhandling.processors." + FailedEventIsolationTest.GROUP + ".dlq.enabled=true"})
@Import(FailedEventIsolationTest.WithHalfWriter.class)
class FailedEventIsolationTest {

    static final String GROUP = "isolation-test";
    /** Two failures in one batch: two retries, after the processor's back-off of 1 s and then 2 s. */
    private static final Duration BOUND = Duration.ofSeconds(30);

    @Autowired
    EventGateway events;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void noteTable(@Autowired JdbcClient jdbc) {
        jdbc.sql("CREATE TABLE IF NOT EXISTS isolation_test_row (note text NOT NULL, event text NOT NULL)").update();
    }

    @Test
    void aRefusedWriteAndAThrowAfterAWriteAreParkedWithNothingStored_andTheirNeighboursAreStoredOnce() {
        String run = UUID.randomUUID().toString();
        List<Noted> batch = List.of(new Noted(run, "before", "before", Noted.Fault.NONE),
                new Noted(run, "refused", "refused\u0000", Noted.Fault.NONE),
                new Noted(run, "half", "half", Noted.Fault.THROW_AFTER_WRITING),
                new Noted(run, "after", "after", Noted.Fault.NONE));

        events.publish(batch.toArray());

        await().atMost(BOUND).until(() -> parked(run) == 2);
        await().atMost(BOUND).until(() -> notes(run).containsAll(List.of("before", "after")));
        assertThat(notes(run)).containsExactlyInAnyOrder("before", "after");
    }

    private List<String> notes(String run) {
        return jdbc.sql("SELECT note FROM isolation_test_row WHERE event = ?").param(run).query(String.class).list();
    }

    private long parked(String run) {
        return jdbc.sql("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ? AND sequence_identifier LIKE ?")
                .params(GROUP, run + "%").query(Long.class).single();
    }

    /** {@code run}: this test's run; each {@code key} is a sequence of its own, so parking one parks no other. */
    record Noted(String run, String key, String note, Fault fault) {
        enum Fault { NONE, THROW_AFTER_WRITING }

        String sequence() {
            return run + "/" + key;
        }
    }

    @ProcessingGroup(GROUP)
    static class HalfWriter {

        private final JdbcClient jdbc;

        HalfWriter(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(Noted noted) {
            jdbc.sql("INSERT INTO isolation_test_row (note, event) VALUES (?, ?)").params(noted.note(), noted.run())
                    .update();
            if (noted.fault() == Noted.Fault.THROW_AFTER_WRITING) {
                throw new IllegalStateException("a handler that fails after its first write");
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class WithHalfWriter {

        @Bean
        ConfigurerModule eachNoteItsOwnSequence() {
            return configurer -> configurer.eventProcessing(processing -> processing.registerSequencingPolicy(GROUP,
                    axon -> event -> event.getPayload() instanceof Noted noted ? noted.sequence() : null));
        }

        @Bean
        HalfWriter halfWriter(JdbcClient jdbc) {
            return new HalfWriter(jdbc);
        }
    }
}
