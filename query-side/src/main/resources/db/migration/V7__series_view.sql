-- The recurring series read model: one row per series, owned by the series-view projection.
CREATE TABLE series_view (
    series_id        UUID        PRIMARY KEY,
    owner_id         UUID        NOT NULL,
    title            TEXT        NOT NULL,
    description      TEXT,
    priority         SMALLINT    NOT NULL DEFAULT 0,
    rule             TEXT        NOT NULL,
    mode             TEXT        NOT NULL CHECK (mode IN ('FIXED', 'AFTER_COMPLETION')),
    -- The due date of the task the series started with: where the rule starts, and the zone it runs in.
    start_date       DATE        NOT NULL,
    start_time       TIME,
    time_zone        TEXT        NOT NULL,
    -- The latest occurrence: the one to do next. next_due_at is its deadline instant.
    occurrence_count INTEGER     NOT NULL DEFAULT 0,
    next_task_id     UUID,
    next_due_date    DATE,
    next_due_time    TIME,
    next_due_at      TIMESTAMPTZ,
    status           TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'STOPPED', 'FINISHED')),
    version          BIGINT      NOT NULL
);

CREATE INDEX series_view_owner ON series_view (owner_id);
