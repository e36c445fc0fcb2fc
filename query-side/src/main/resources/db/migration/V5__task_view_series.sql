-- Occurrences of a recurring series: which series, and which occurrence of it (from 1). Null for other tasks.
ALTER TABLE task_view
    ADD COLUMN series_id        UUID,
    ADD COLUMN occurrence_index INTEGER;

CREATE INDEX task_view_series ON task_view (series_id, occurrence_index) WHERE series_id IS NOT NULL;
