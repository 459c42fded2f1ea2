-- Review: comment threads anchored to quoted text, mention notifications, the status workflow's
-- snapshots, and the activity log ({{serial}}: an auto-increment key, so entries of one microsecond keep
-- their order). Each write of these happens in the transaction of the action itself.

ALTER TABLE proposals ADD COLUMN hide_reviewer_names BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE comments (
    id           TEXT PRIMARY KEY,
    proposal_id  TEXT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    section_key  TEXT NOT NULL,
    field_key    TEXT NOT NULL,
    quote        TEXT NOT NULL,
    quote_lang   TEXT NOT NULL,
    quote_start  INTEGER NOT NULL,
    body         TEXT NOT NULL,
    author_id    TEXT NOT NULL REFERENCES users (id),
    parent_id    TEXT REFERENCES comments (id) ON DELETE CASCADE,
    status       TEXT NOT NULL,
    resolved_by  TEXT REFERENCES users (id),
    resolved_at  {{timestamp}},
    deleted      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at   {{timestamp}} NOT NULL,
    updated_at   {{timestamp}} NOT NULL
);
CREATE INDEX comments_proposal ON comments (proposal_id, created_at);
CREATE INDEX comments_parent ON comments (parent_id);

CREATE TABLE notifications (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    proposal_id TEXT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    comment_id  TEXT REFERENCES comments (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    actor_id    TEXT NOT NULL REFERENCES users (id),
    created_at  {{timestamp}} NOT NULL,
    read_at     {{timestamp}}
);
CREATE INDEX notifications_user ON notifications (user_id, created_at);

CREATE TABLE snapshots (
    id          TEXT PRIMARY KEY,
    proposal_id TEXT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    status      TEXT NOT NULL,
    note        TEXT NOT NULL,
    sections    TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES users (id),
    created_at  {{timestamp}} NOT NULL
);
CREATE INDEX snapshots_proposal ON snapshots (proposal_id, created_at);

CREATE TABLE activity (
    id          {{serial}},
    proposal_id TEXT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    actor_id    TEXT NOT NULL REFERENCES users (id),
    kind        TEXT NOT NULL,
    subject     TEXT NOT NULL,
    detail      TEXT NOT NULL,
    created_at  {{timestamp}} NOT NULL
);
CREATE INDEX activity_proposal ON activity (proposal_id, created_at);
