-- Notifications by e-mail. Each person chooses how often mail about their notifications comes
-- (each: at most one mail per proposal per 15 minutes; daily: one digest a day; off) and in which
-- language. The unsubscribe token lets a mail's one-click link (RFC 8058) turn the mail off without a
-- session; it is a capability for that one switch only, so it is kept as is and put in every mail.
ALTER TABLE users ADD COLUMN mail_frequency TEXT NOT NULL DEFAULT 'each';
ALTER TABLE users ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
ALTER TABLE users ADD COLUMN unsubscribe_token TEXT;
CREATE UNIQUE INDEX users_unsubscribe_token ON users (unsubscribe_token);

-- mailed_at marks a notification that went out in a mail (or a digest), so it is never mailed twice;
-- detail carries what the notification needs to be told, such as the new status of a proposal.
ALTER TABLE notifications ADD COLUMN mailed_at {{timestamp}};
ALTER TABLE notifications ADD COLUMN detail TEXT NOT NULL DEFAULT '';
CREATE INDEX notifications_unmailed ON notifications (user_id, proposal_id) WHERE mailed_at IS NULL;

-- The List-Unsubscribe URL of a notification mail; empty for mail a person cannot opt out of (resets).
ALTER TABLE outbox ADD COLUMN list_unsubscribe TEXT NOT NULL DEFAULT '';
