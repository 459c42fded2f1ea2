package models

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// AttemptCounter names one counter of sign-in attempts and its rule: Limit attempts per window of
// Window, and a window that doubles (up to MaxWindow) when the previous one reached the limit and the
// attempts go on. MaxWindow equal to Window means a plain fixed window.
type AttemptCounter struct {
	Key               string
	Limit             int
	Window, MaxWindow time.Duration
}

// AttemptCount is a counter's state right after an attempt was counted.
type AttemptCount struct {
	// Attempts is how many attempts the current window has seen, this one included.
	Attempts int
	// WindowEnd is when the current window ends.
	WindowEnd time.Time
}

// countAttempt counts one attempt in a single statement, so that concurrent attempts (on one server or
// several sharing the database) each get their own number: with a limit of 5, thirty guesses sent at
// once see 1 to 30, and only five of them are let through. An expired window starts over, doubled when
// the expired one reached the limit and ended less than its own length ago.
const countAttempt = `INSERT INTO signin_throttle (throttle_key, attempts, window_seconds, window_end)
VALUES (@key, 1, @base, @first_end)
ON CONFLICT (throttle_key) DO UPDATE SET
    attempts = CASE WHEN signin_throttle.window_end > @now THEN signin_throttle.attempts + 1 ELSE 1 END,
    window_seconds = ` + nextWindow + `,
    window_end = CASE WHEN signin_throttle.window_end > @now THEN signin_throttle.window_end
        ELSE CAST(@now AS BIGINT) + ` + nextWindow + ` END
RETURNING attempts, window_end`

const nextWindow = `CASE
        WHEN signin_throttle.window_end > @now THEN signin_throttle.window_seconds
        WHEN signin_throttle.attempts < @limit OR signin_throttle.window_end + signin_throttle.window_seconds <= @now THEN CAST(@base AS BIGINT)
        WHEN signin_throttle.window_seconds * 2 > @max THEN CAST(@max AS BIGINT)
        ELSE signin_throttle.window_seconds * 2 END`

// CountAttempts counts one attempt against each counter, in one transaction, and returns their states in
// the same order.
func (s *Store) CountAttempts(ctx context.Context, now time.Time, counters ...AttemptCounter) ([]AttemptCount, error) {
	out := make([]AttemptCount, len(counters))
	err := s.write(ctx, func(tx *gorm.DB) error {
		for i, c := range counters {
			base, maxWindow := int64(c.Window/time.Second), int64(c.MaxWindow/time.Second)
			var row struct {
				Attempts  int
				WindowEnd int64
			}
			err := tx.Raw(countAttempt, map[string]any{
				"key": c.Key, "now": now.Unix(), "base": base, "first_end": now.Unix() + base,
				"limit": c.Limit, "max": max(maxWindow, base),
			}).Scan(&row).Error
			if err != nil {
				return translate(err, "sign-in counter")
			}
			out[i] = AttemptCount{Attempts: row.Attempts, WindowEnd: time.Unix(row.WindowEnd, 0).UTC()}
		}
		return nil
	})
	return out, err
}

// SettleAttempts records a successful sign-in: the counter forget is dropped (its failures are
// forgiven), each of refund gives back the attempt just counted (it was not a guess), and remember is
// kept as a marker until the given time (a device known to have signed in), all in one transaction.
// Empty keys are skipped.
func (s *Store) SettleAttempts(ctx context.Context, forget string, refund []string, remember string, until time.Time) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		if forget != "" {
			if err := tx.Exec("DELETE FROM signin_throttle WHERE throttle_key = ?", forget).Error; err != nil {
				return translate(err, "sign-in counter")
			}
		}
		if len(refund) > 0 {
			err := tx.Exec("UPDATE signin_throttle SET attempts = attempts - 1 WHERE throttle_key IN ? AND attempts > 0", refund).Error
			if err != nil {
				return translate(err, "sign-in counter")
			}
		}
		if remember != "" {
			err := tx.Exec(`INSERT INTO signin_throttle (throttle_key, attempts, window_seconds, window_end) VALUES (?, 0, 0, ?)
				ON CONFLICT (throttle_key) DO UPDATE SET window_end = excluded.window_end`, remember, until.Unix()).Error
			if err != nil {
				return translate(err, "sign-in counter")
			}
		}
		return nil
	})
}

// Remembered tells whether the marker key is kept and not yet expired.
func (s *Store) Remembered(ctx context.Context, key string, now time.Time) (bool, error) {
	var n int64
	err := s.db.WithContext(ctx).Raw("SELECT COUNT(*) FROM signin_throttle WHERE throttle_key = ? AND window_end > ?", key, now.Unix()).Scan(&n).Error
	return n > 0, translate(err, "sign-in counter")
}

// PruneAttempts deletes counters and markers whose windows ended before the given time, so the table
// holds recent activity only.
func (s *Store) PruneAttempts(ctx context.Context, before time.Time) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		return translate(tx.Exec("DELETE FROM signin_throttle WHERE window_end < ?", before.Unix()).Error, "sign-in counter")
	})
}
