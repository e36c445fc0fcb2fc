-- The task list read model: one row per live task, owned by the task-view projection.
CREATE TABLE task_view (
    task_id      UUID        PRIMARY KEY,
    owner_id     UUID        NOT NULL,
    title        TEXT        NOT NULL,
    description  TEXT,
    status       TEXT        NOT NULL CHECK (status IN ('OPEN', 'COMPLETED')),
    -- due_at is the deadline instant (sorting, overdue); the other due_ columns are what the user said.
    due_at       TIMESTAMPTZ,
    due_date     DATE,
    due_time     TIME,
    due_zone     TEXT,
    priority     SMALLINT    NOT NULL DEFAULT 0,
    tag_ids      UUID[]      NOT NULL DEFAULT '{}',
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    completed_at TIMESTAMPTZ,
    version      BIGINT      NOT NULL
);

-- Newest first, with the task id as tie-breaker: the default list and its keyset cursor.
CREATE INDEX task_view_owner_newest ON task_view (owner_id, created_at DESC, task_id DESC);
