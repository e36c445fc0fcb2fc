-- The write side's own lookup of tag names, kept in the same transaction as the Tag events, so that
-- two tags of one user can never share a name (ignoring case), even under concurrent requests.
CREATE TABLE tag_name_registry (
    owner_id   UUID NOT NULL,
    lower_name TEXT NOT NULL,
    tag_id     UUID NOT NULL UNIQUE,
    PRIMARY KEY (owner_id, lower_name)
);
