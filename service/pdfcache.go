package service

import (
	"container/list"
	"context"
	"sync"
	"sync/atomic"

	"iduit/domain"
)

// renderGate bounds concurrent PDF renders to the CPUs and the queue behind them: a render costs as much
// as hundreds of API reads, so past the queue the answer is 503 with Retry-After, not a pile-up.
type renderGate struct {
	slots      chan struct{}
	waiting    atomic.Int64
	maxWaiting int64
}

func newRenderGate(concurrent, queue int) *renderGate {
	return &renderGate{slots: make(chan struct{}, concurrent), maxWaiting: int64(concurrent + queue)}
}

// enter waits for a render slot; release it when done.
func (g *renderGate) enter(ctx context.Context) (release func(), err error) {
	if g.waiting.Add(1) > g.maxWaiting {
		g.waiting.Add(-1)
		return nil, domain.ErrRenderBusy()
	}
	select {
	case g.slots <- struct{}{}:
		return func() { <-g.slots; g.waiting.Add(-1) }, nil
	case <-ctx.Done():
		g.waiting.Add(-1)
		return nil, ctx.Err()
	}
}

// pdfCache keeps recent renders by content version, so a repeated download costs nothing. It is bounded
// by total bytes and evicts the least recently used.
type pdfCache struct {
	mu       sync.Mutex
	maxBytes int
	bytes    int
	order    *list.List // front is most recent; values are *cacheEntry
	entries  map[string]*list.Element
}

type cacheEntry struct {
	key  string
	data []byte
}

func newPDFCache(maxBytes int) *pdfCache {
	return &pdfCache{maxBytes: maxBytes, order: list.New(), entries: map[string]*list.Element{}}
}

func (c *pdfCache) get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.entries[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*cacheEntry).data, true
}

func (c *pdfCache) put(key string, data []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.entries[key]; ok || len(data) > c.maxBytes {
		return
	}
	c.entries[key] = c.order.PushFront(&cacheEntry{key: key, data: data})
	c.bytes += len(data)
	for c.bytes > c.maxBytes {
		old := c.order.Back()
		e := old.Value.(*cacheEntry)
		c.order.Remove(old)
		delete(c.entries, e.key)
		c.bytes -= len(e.data)
	}
}
