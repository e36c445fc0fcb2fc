-- One row per firing of a reminder (issue 9). The firing id is the key, so a redelivered or replayed
-- ReminderFired stores nothing twice. read_at is the user's own state: the projection never resets this table.
CREATE TABLE notification (
    notification_id UUID        PRIMARY KEY,
    owner_id        UUID        NOT NULL,
    task_id         UUID        NOT NULL,
    reminder_id     UUID        NOT NULL,
    title           TEXT        NOT NULL,
    scheduled_at    TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ NOT NULL,
    snooze_of       UUID,
    read_at         TIMESTAMPTZ
);

-- Newest first, per user, with a keyset cursor on (delivered_at, notification_id).
CREATE INDEX notification_owner_newest ON notification (owner_id, delivered_at DESC, notification_id DESC);
-- The unread count and the unread filter.
CREATE INDEX notification_owner_unread ON notification (owner_id, delivered_at DESC, notification_id DESC)
    WHERE read_at IS NULL;
