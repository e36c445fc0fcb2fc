-- Finding tasks fast: full-text search, tag filters and one index per sort order, all scoped to the owner.
-- unaccent and btree_gin are trusted extensions: the database owner may create them.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes it safe to index.
CREATE FUNCTION taskstream_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT unaccent('unaccent'::regdictionary, $1) $$;

-- 'simple' configuration: no stemming, so matches are predictable in every language; accents folded.
ALTER TABLE task_view ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', taskstream_unaccent(title)), 'A') ||
    setweight(to_tsvector('simple', taskstream_unaccent(coalesce(description, ''))), 'B')
) STORED;

-- Owner first inside the GIN indexes (btree_gin), so a search or tag filter touches only the caller's rows.
CREATE INDEX task_view_owner_search ON task_view USING gin (owner_id, search);
CREATE INDEX task_view_owner_tags   ON task_view USING gin (owner_id, tag_ids);

-- Keyset pagination per sort key, task_id as tie-breaker. Tasks with no due date sort last.
CREATE INDEX task_view_owner_due      ON task_view (owner_id, coalesce(due_at, 'infinity'), task_id);
CREATE INDEX task_view_owner_priority ON task_view (owner_id, priority, task_id);
CREATE INDEX task_view_owner_updated  ON task_view (owner_id, updated_at, task_id);
CREATE INDEX task_view_owner_title    ON task_view (owner_id, lower(title), task_id);
CREATE INDEX task_view_owner_due_date ON task_view (owner_id, due_date);

CREATE TABLE tag_view (
    tag_id   UUID PRIMARY KEY,
    owner_id UUID NOT NULL,
    name     TEXT NOT NULL,
    colour   TEXT
);
CREATE INDEX tag_view_owner ON tag_view (owner_id, lower(name));
