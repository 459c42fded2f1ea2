-- E-mail to send, written in the same transaction as the event that causes it (a password reset asked
-- for, an invitation made), so a crash between the commit and the send loses nothing. The sender loop
-- claims due rows for a while (claimed_until), sends, and marks them sent; a failed send is tried again
-- later with back-off. message_id is fixed when the row is written, so a resend after a lost
-- acknowledgement carries the same Message-ID and mail clients drop the duplicate.
CREATE TABLE outbox (
    id              TEXT PRIMARY KEY,
    message_id      TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL,
    to_address      TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      {{timestamp}} NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at {{timestamp}} NOT NULL,
    claimed_until   {{timestamp}},
    sent_at         {{timestamp}},
    last_error      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL;

-- A password reset: only the SHA-256 of the link's token is kept. Used once, within its lifetime.
CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at {{timestamp}} NOT NULL,
    expires_at {{timestamp}} NOT NULL,
    used_at    {{timestamp}}
);
CREATE INDEX password_resets_user ON password_resets (user_id);

-- An invitation to a proposal for a person without an account: the mailed link (only its SHA-256 is kept)
-- opens sign-up, and signing up with the invited address makes them a member with the role. Pending while
-- neither accepted nor revoked nor expired.
CREATE TABLE invitations (
    id          TEXT PRIMARY KEY,
    proposal_id TEXT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    email       TEXT NOT NULL,
    role        TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    invited_by  TEXT NOT NULL REFERENCES users (id),
    created_at  {{timestamp}} NOT NULL,
    expires_at  {{timestamp}} NOT NULL,
    accepted_at {{timestamp}},
    revoked_at  {{timestamp}}
);
CREATE INDEX invitations_proposal ON invitations (proposal_id);
