-- A proposal's own attributes (title, languages, country, network, hide_reviewer_names) are guarded by a
-- version, as sections are: PATCH /proposals/{id} needs If-Match, so two people changing different
-- attributes at once no longer overwrite each other from stale copies. Section saves and status changes
-- do not move it.
ALTER TABLE proposals ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

-- Imports remembered per importer, by Idempotency-Key or by the export's own id and time, so that a retried
-- import (the reply was lost) returns the first import's proposal instead of a second copy. Deleting the
-- proposal forgets it.
CREATE TABLE proposal_imports (
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    import_key  TEXT NOT NULL,
    proposal_id TEXT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    created_at  {{timestamp}} NOT NULL,
    PRIMARY KEY (user_id, import_key)
);
CREATE INDEX proposal_imports_proposal ON proposal_imports (proposal_id);

-- An imported file names people of another server. They are not linked to accounts here (that made
-- strangers owners without consent); their names stay in the history as text.
ALTER TABLE revisions ADD COLUMN imported_author TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN imported_author TEXT NOT NULL DEFAULT '';
