-- Sign-in attempt counters, shared by every server on this database so that several servers limit
-- guessing together. A row is one counter (an account, an address, or an account and address pair,
-- under a hash of its key) for a window that ends at window_end; window_seconds is that window's
-- length, which doubles after a window in which the limit was reached (exponential back-off). Times are
-- Unix seconds, not timestamps: the one UPSERT that counts an attempt adds seconds to them, and
-- integer arithmetic is the same on SQLite and PostgreSQL where date arithmetic is not.
CREATE TABLE signin_throttle (
    throttle_key   TEXT PRIMARY KEY,
    attempts       INTEGER NOT NULL,
    window_seconds BIGINT NOT NULL,
    window_end     BIGINT NOT NULL
);

CREATE INDEX signin_throttle_window_end ON signin_throttle (window_end);
