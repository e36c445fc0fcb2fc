-- Tokens a user makes for an app (an AI assistant, a script, the CLI): long-lived, revocable, and kept only as the
-- SHA-256 of the secret, so a copy of the database lets nobody in.
CREATE TABLE app_token (
    token_id     UUID        PRIMARY KEY,
    user_id      UUID        NOT NULL REFERENCES account (user_id),
    name         TEXT        NOT NULL,
    secret_hash  BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX app_token_secret ON app_token (secret_hash);
CREATE INDEX app_token_user ON app_token (user_id, created_at);
