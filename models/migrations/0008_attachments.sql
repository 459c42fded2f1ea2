-- Evidence files attached to a proposal (minutes, attendance sheets, endorsement and co-financing
-- letters, data). The bytes live in the database, so one backup and one restore cover them on both
-- engines. A file is stored once per content (blobs, keyed by its SHA-256) and cut into chunks of 1 MiB,
-- so that a read streams a chunk at a time and SQLite's writer commits one chunk per short transaction.
-- Chunks are written first; the blob row, written with the attachment that first uses it, is what makes
-- them count (chunks without a blob row are an upload that never finished).
CREATE TABLE blobs (
    sha256       TEXT PRIMARY KEY,
    size         BIGINT NOT NULL,
    content_type TEXT NOT NULL,
    created_at   {{timestamp}} NOT NULL
);

CREATE TABLE blob_chunks (
    sha256 TEXT NOT NULL,
    seq    INTEGER NOT NULL,
    data   {{bytes}} NOT NULL,
    PRIMARY KEY (sha256, seq)
);

-- An attachment is a proposal's use of a blob, with its own title and kind. Deleting one keeps the row
-- (deleted_at) so that the history can still name it.
CREATE TABLE attachments (
    id          TEXT PRIMARY KEY,
    proposal_id TEXT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    sha256      TEXT NOT NULL REFERENCES blobs (sha256),
    filename    TEXT NOT NULL,
    title       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    section_key TEXT NOT NULL DEFAULT '',
    link        TEXT NOT NULL DEFAULT '',
    uploaded_by TEXT NOT NULL REFERENCES users (id),
    created_at  {{timestamp}} NOT NULL,
    updated_at  {{timestamp}} NOT NULL,
    deleted_at  {{timestamp}}
);
CREATE INDEX attachments_proposal ON attachments (proposal_id, created_at);
CREATE INDEX attachments_blob ON attachments (sha256);
