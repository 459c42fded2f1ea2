-- Structured documents of a proposal that are saved whole, like a section: the budget and the
-- performance framework (indicators and gap table). Each is guarded by its version, as sections are.
CREATE TABLE proposal_documents (
    proposal_id TEXT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    version     INTEGER NOT NULL,
    body        TEXT NOT NULL,
    updated_at  {{timestamp}} NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES users (id),
    PRIMARY KEY (proposal_id, kind)
);
