package dev.taskstream.query.stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes changes that are both older than the retention period and not among their user's last
 * {@code retainedChanges}; a device asking for anything older gets {@code resync}. Also drops spent tickets.
 * Every instance may run it: the deletes are idempotent.
 */
@Component
class ChangeLogPruner {

    private final JdbcClient jdbc;
    private final StreamSettings settings;

    ChangeLogPruner(JdbcClient jdbc, StreamSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Scheduled(initialDelayString = "${taskstream.stream.prune-interval:1h}",
            fixedDelayString = "${taskstream.stream.prune-interval:1h}")
    void prune() {
        pruneChanges();
        jdbc.sql("DELETE FROM stream_ticket WHERE expires_at < now()").update();
    }

    int pruneChanges() {
        return jdbc.sql("""
                        DELETE FROM change_log c USING stream_position p
                         WHERE c.owner_id = p.owner_id
                           AND c.created_at < now() - make_interval(secs => ?)
                           AND c.position <= p.position - ?""")
                .params(settings.retention().toSeconds(), settings.retainedChanges())
                .update();
    }
}
