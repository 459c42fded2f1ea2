package service

import (
	"container/list"
	"sync"
)

// lruCache keeps recent results of expensive work (PDF renders, word diffs) by a key that names
// immutable inputs, so a repeated request costs nothing. It is bounded by the total size its entries
// report and evicts the least recently used.
type lruCache[V any] struct {
	mu      sync.Mutex
	maxSize int
	size    int
	sizeOf  func(V) int
	order   *list.List // front is most recent; values are *cacheEntry[V]
	entries map[string]*list.Element
}

type cacheEntry[V any] struct {
	key   string
	value V
	size  int
}

func newLRUCache[V any](maxSize int, sizeOf func(V) int) *lruCache[V] {
	return &lruCache[V]{maxSize: maxSize, sizeOf: sizeOf, order: list.New(), entries: map[string]*list.Element{}}
}

// newPDFCache holds rendered PDFs up to maxBytes.
func newPDFCache(maxBytes int) *lruCache[[]byte] {
	return newLRUCache(maxBytes, func(b []byte) int { return len(b) })
}

func (c *lruCache[V]) get(key string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.entries[key]
	if !ok {
		var zero V
		return zero, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*cacheEntry[V]).value, true
}

func (c *lruCache[V]) put(key string, value V) {
	size := c.sizeOf(value)
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.entries[key]; ok || size > c.maxSize {
		return
	}
	c.entries[key] = c.order.PushFront(&cacheEntry[V]{key: key, value: value, size: size})
	c.size += size
	for c.size > c.maxSize {
		old := c.order.Back()
		e := old.Value.(*cacheEntry[V])
		c.order.Remove(old)
		delete(c.entries, e.key)
		c.size -= e.size
	}
}
