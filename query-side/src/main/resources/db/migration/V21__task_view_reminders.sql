-- A task's reminders as the user set them (issue 9): [{"id":…,"before":"PT30M"} | {"id":…,"at":"…Z"}].
-- Their fire instants are computed when read, from these and the due columns, so moving the due date moves them.
ALTER TABLE task_view ADD COLUMN reminders JSONB NOT NULL DEFAULT '[]';
