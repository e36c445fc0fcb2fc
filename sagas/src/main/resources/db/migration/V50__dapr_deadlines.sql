-- Deadlines scheduled as Dapr jobs (split mode). The row is the truth: a job fires a deadline only while its row
-- exists, and firing deletes the row in the transaction that hands the deadline over, so a job that Dapr
-- delivers twice, or one that outlived its cancellation, changes nothing.
CREATE TABLE dapr_deadline (
    job_name         VARCHAR(255) PRIMARY KEY,
    deadline_name    VARCHAR(255) NOT NULL,
    scope_type       VARCHAR(255) NOT NULL,
    scope            TEXT         NOT NULL,
    message_id       VARCHAR(255) NOT NULL,
    payload_type     VARCHAR(255),
    payload_revision VARCHAR(255),
    payload          TEXT,
    meta_data        TEXT         NOT NULL,
    due_at           TIMESTAMPTZ  NOT NULL
);

CREATE INDEX dapr_deadline_by_name ON dapr_deadline (deadline_name);
