package dev.taskstream.server.bench;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The documented bulk path: rows written straight into the projection's tables ({@code task_view},
 * {@code tag_view}) by set-based SQL, as a replay would leave them, since a million tasks through the
 * command path would take longer than the measurement it serves.
 */
final class BulkTasks {

    static final int TAGS_PER_USER = 20;
    private static final String WORDS = "ARRAY['buy','call','fix','milk','bread','report','review','plan','book','pay',"
            + "'clean','write','email','meeting','garden','car','doctor','dentist','tax','invoice','birthday','gift',"
            + "'laundry','groceries','backup','deploy','release','budget','slides','draft','renew','insurance',"
            + "'passport','train','flight','hotel','paint','kitchen','water','plants']";

    private final JdbcClient jdbc;

    BulkTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Tags named tag-0 … tag-19 for the owner; returns their ids. */
    List<UUID> tags(UUID owner) {
        List<UUID> ids = IntStream.range(0, TAGS_PER_USER).mapToObj(i -> UUID.randomUUID()).toList();
        for (int i = 0; i < ids.size(); i++) {
            jdbc.sql("INSERT INTO tag_view (tag_id, owner_id, name, colour) VALUES (?, ?, ?, NULL)")
                    .params(ids.get(i), owner, "tag-" + i)
                    .update();
        }
        return ids;
    }

    /**
     * Tasks {@code from} … {@code to} (inclusive) for one owner: three or four words from a 40-word
     * vocabulary, a description on every fourth, a fifth completed, 60 % due within about a year around
     * today, priorities evenly spread, zero to two of the owner's tags, created over two years.
     */
    void tasks(UUID owner, List<UUID> tags, long from, long to) {
        jdbc.sql("""
                INSERT INTO task_view (task_id, owner_id, title, description, status, due_at, due_date, due_time,
                                       due_zone, priority, tag_ids, created_at, updated_at, completed_at, version)
                SELECT gen_random_uuid(), ?,
                       w[1 + (i * 7) % 40] || ' ' || w[1 + (i * 13) % 40] || ' ' || w[1 + (i * 31) % 40]
                           || CASE WHEN i % 3 = 0 THEN ' ' || w[1 + (i * 11) % 40] ELSE '' END,
                       CASE WHEN i % 4 = 0 THEN 'about ' || w[1 + (i * 17) % 40] || ' and ' || w[1 + (i * 19) % 40] END,
                       CASE WHEN i % 5 = 0 THEN 'COMPLETED' ELSE 'OPEN' END,
                       due, due::date, CASE WHEN due IS NOT NULL THEN due::time END,
                       CASE WHEN due IS NOT NULL THEN 'UTC' END,
                       (i % 4)::smallint,
                       CASE i % 3 WHEN 0 THEN '{}'::uuid[]
                                  WHEN 1 THEN ARRAY[t[1 + i % 20]]
                                  ELSE ARRAY[t[1 + i % 20], t[1 + (i / 20) % 20]] END,
                       created, created,
                       CASE WHEN i % 5 = 0 THEN created + interval '1 day' END,
                       0
                  FROM generate_series(?::bigint, ?::bigint) AS i,
                       LATERAL (SELECT CASE WHEN i % 10 < 6
                                            THEN date_trunc('minute', now()) + ((i % 400) - 100) * interval '1 day'
                                       END AS due,
                                       now() - (i % 700000) * interval '90 seconds' AS created) AS shape,
                       (SELECT {words} AS w, ?::uuid[] AS t) AS vocabulary""".replace("{words}", WORDS))
                .params(owner, from, to, tags.toArray(UUID[]::new))
                .update();
    }
}
