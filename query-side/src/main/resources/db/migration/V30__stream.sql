-- The real-time stream (issue 10). Owned by query-side: written by the projections in their own transactions.

-- Each user's stream position: the last position handed out. Positions are per user, start at 1 and have
-- no gaps: a projection transaction takes the user's row lock while it appends, so positions commit in order
-- and a reader that sees position p has already been able to see every position below it.
CREATE TABLE stream_position (
    owner_id UUID   PRIMARY KEY,
    position BIGINT NOT NULL
);

-- What each user's devices are told, in position order: the complete JSON text message.
CREATE TABLE change_log (
    owner_id   UUID        NOT NULL,
    position   BIGINT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    message    TEXT        NOT NULL,
    PRIMARY KEY (owner_id, position)
);
-- Pruning walks by age.
CREATE INDEX change_log_created ON change_log (created_at);

-- Single-use tickets that open a stream; only a hash is kept, so the table never holds a usable ticket.
CREATE TABLE stream_ticket (
    ticket_hash      BYTEA       PRIMARY KEY,
    owner_id         UUID        NOT NULL,
    expires_at       TIMESTAMPTZ NOT NULL,
    token_expires_at TIMESTAMPTZ NOT NULL
);
