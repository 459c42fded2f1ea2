package service

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"iduit/domain"
)

// diffCacheBytes bounds the cached comparisons: a few large ones or many small ones.
const diffCacheBytes = 16 << 20

// newDiffCache holds comparisons of two revisions, sized by the text they carry.
func newDiffCache(maxBytes int) *lruCache[[]FieldDiff] {
	return newLRUCache(maxBytes, func(ds []FieldDiff) int {
		n := 0
		for _, d := range ds {
			n += 64 + len(d.Before) + len(d.After)
			for _, op := range d.Ops {
				n += 32 + len(op.Text)
			}
		}
		return n
	})
}

// diffKey names a comparison. Revisions never change once saved, so proposal, section and the two
// numbers fix the inputs; the template version and the text languages fix how they are compared (a
// proposal made bilingual later compares both languages).
func diffKey(p domain.Proposal, section string, a, b int) string {
	return fmt.Sprintf("%s|%s|%d|%d|%d|%s", p.ID, section, a, b, p.TemplateVersion, strings.Join(textLanguages(p), ","))
}

// flights lets concurrent requests for the same result share one computation: thirty people opening the
// same comparison at once cost one diff and one slot of the gate, not thirty.
type flights[V any] struct {
	mu    sync.Mutex
	calls map[string]*flight[V]
}

type flight[V any] struct {
	done  chan struct{}
	value V
	err   error
}

// do runs fn once per key at a time; callers arriving meanwhile wait for its result. A failure is not
// shared (it may be the first caller's own, such as its share of the gate being used up): each waiter
// then tries for itself.
func (f *flights[V]) do(ctx context.Context, key string, fn func() (V, error)) (V, error) {
	f.mu.Lock()
	if c, ok := f.calls[key]; ok {
		f.mu.Unlock()
		select {
		case <-c.done:
			if c.err == nil {
				return c.value, nil
			}
			return fn()
		case <-ctx.Done():
			var zero V
			return zero, ctx.Err()
		}
	}
	if f.calls == nil {
		f.calls = map[string]*flight[V]{}
	}
	c := &flight[V]{done: make(chan struct{})}
	f.calls[key] = c
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		delete(f.calls, key)
		f.mu.Unlock()
		close(c.done)
	}()
	c.value, c.err = fn()
	return c.value, c.err
}
