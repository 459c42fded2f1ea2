-- Accounts, sessions, proposals with per-proposal roles, and section drafts with immutable revisions.
-- {{timestamp}} becomes DATETIME on SQLite (so the driver reads times back) and TIMESTAMPTZ on PostgreSQL.

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    {{timestamp}} NOT NULL
);

CREATE TABLE sessions (
    id          TEXT PRIMARY KEY,
    token_hash  TEXT NOT NULL UNIQUE,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  {{timestamp}} NOT NULL,
    expires_at  {{timestamp}} NOT NULL
);
CREATE INDEX sessions_user_id ON sessions (user_id);

CREATE TABLE proposals (
    id               TEXT PRIMARY KEY,
    template_key     TEXT NOT NULL,
    template_version INTEGER NOT NULL,
    title            TEXT NOT NULL,
    language         TEXT NOT NULL,
    country          TEXT NOT NULL,
    network          TEXT NOT NULL,
    status           TEXT NOT NULL,
    created_by       TEXT NOT NULL REFERENCES users (id),
    created_at       {{timestamp}} NOT NULL,
    updated_at       {{timestamp}} NOT NULL
);

CREATE TABLE members (
    proposal_id TEXT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role        TEXT NOT NULL,
    added_at    {{timestamp}} NOT NULL,
    PRIMARY KEY (proposal_id, user_id)
);
CREATE INDEX members_user_id ON members (user_id);

CREATE TABLE sections (
    proposal_id TEXT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    section_key TEXT NOT NULL,
    version     INTEGER NOT NULL,
    fields      TEXT NOT NULL,
    updated_at  {{timestamp}} NOT NULL,
    updated_by  TEXT REFERENCES users (id),
    PRIMARY KEY (proposal_id, section_key)
);

CREATE TABLE revisions (
    proposal_id TEXT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    section_key TEXT NOT NULL,
    number      INTEGER NOT NULL,
    fields      TEXT NOT NULL,
    created_at  {{timestamp}} NOT NULL,
    created_by  TEXT NOT NULL REFERENCES users (id),
    PRIMARY KEY (proposal_id, section_key, number)
);
