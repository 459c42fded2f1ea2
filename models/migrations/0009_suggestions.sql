-- Suggestions: a reviewer, editor or owner proposes new wording for a quoted passage of one field in one
-- language; owners and editors accept it (the text is replaced in one new revision, whose number is kept
-- here, so the revision can be traced to the person who suggested it) or reject it, and the suggester
-- may withdraw it. Only decisions are stored: "outdated" is computed when the quote is no longer found.
-- A notification may now be about a suggestion instead of a comment.
CREATE TABLE suggestions (
    id          TEXT PRIMARY KEY,
    proposal_id TEXT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    section_key TEXT NOT NULL,
    field_key   TEXT NOT NULL,
    lang        TEXT NOT NULL,
    quote       TEXT NOT NULL,
    quote_start INTEGER NOT NULL,
    replacement TEXT NOT NULL,
    comment     TEXT NOT NULL,
    author_id   TEXT NOT NULL REFERENCES users (id),
    status      TEXT NOT NULL,
    decided_by  TEXT REFERENCES users (id),
    decided_at  {{timestamp}},
    revision    INTEGER,
    created_at  {{timestamp}} NOT NULL
);
CREATE INDEX suggestions_proposal ON suggestions (proposal_id, section_key, created_at);

ALTER TABLE notifications ADD COLUMN suggestion_id TEXT REFERENCES suggestions (id) ON DELETE CASCADE;
