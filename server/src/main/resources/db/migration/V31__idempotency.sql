-- Idempotency-Key on writes (issue 10): the first answer to each key of each user, kept 24 hours.
-- status is NULL while the first request is still being processed.
CREATE TABLE idempotency_key (
    owner_id     UUID        NOT NULL,
    key          TEXT        NOT NULL,
    fingerprint  BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    status       INTEGER,
    content_type TEXT,
    etag         TEXT,
    location     TEXT,
    body         BYTEA,
    PRIMARY KEY (owner_id, key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
