package service

import (
	"sync"
	"time"
)

// throttle counts failed sign-ins per key (an account, an address) in a sliding window. It lives in
// memory: each server process keeps its own counts, which bounds guessing per process and costs nothing
// on the database. Counts are pruned as they age, so memory stays proportional to recent failures.
type throttle struct {
	mu       sync.Mutex
	limit    int
	window   time.Duration
	failures map[string][]time.Time
}

func newThrottle(limit int, window time.Duration) *throttle {
	return &throttle{limit: limit, window: window, failures: map[string][]time.Time{}}
}

// wait returns how long key must wait before another attempt; zero means go ahead.
func (t *throttle) wait(key string, now time.Time) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	recent := t.prune(key, now)
	if len(recent) < t.limit {
		return 0
	}
	return recent[0].Add(t.window).Sub(now)
}

// fail records a failed attempt for key.
func (t *throttle) fail(key string, now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.failures[key] = append(t.prune(key, now), now)
	if len(t.failures) > 100_000 {
		t.pruneAll(now)
	}
}

// reset forgets key's failures after a success.
func (t *throttle) reset(key string) {
	t.mu.Lock()
	delete(t.failures, key)
	t.mu.Unlock()
}

func (t *throttle) prune(key string, now time.Time) []time.Time {
	list := t.failures[key]
	i := 0
	for i < len(list) && now.Sub(list[i]) >= t.window {
		i++
	}
	if i == len(list) {
		delete(t.failures, key)
		return nil
	}
	t.failures[key] = list[i:]
	return list[i:]
}

func (t *throttle) pruneAll(now time.Time) {
	for key := range t.failures {
		t.prune(key, now)
	}
}
