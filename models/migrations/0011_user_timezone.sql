-- Each person's time zone (an IANA name such as Asia/Bishkek), so that the pages show times as the
-- person's clock does; empty until the browser reports it at the first sign-in or the person sets it.
ALTER TABLE users ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';
