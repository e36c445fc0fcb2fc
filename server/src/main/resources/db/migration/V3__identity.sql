-- The embedded account service: who may log in, and the key that signs their tokens.
CREATE TABLE account (
    user_id       UUID        PRIMARY KEY,
    email         TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX account_email_unique ON account (lower(email));

-- One row per purpose; every server instance signs with the same key, so tokens survive restarts.
CREATE TABLE signing_key (
    purpose    TEXT        PRIMARY KEY,
    jwk        TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
