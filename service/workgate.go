package service

import (
	"context"
	"runtime"
	"sync"

	"iduit/domain"
)

// WorkLimits bound one kind of expensive work (PDF renders, word diffs): how many run at once, how many
// more may wait for a slot, and how many of those (running or waiting) one account may hold. The share
// per account is what keeps one person, or one script, from making everyone else's request answer 503.
type WorkLimits struct {
	Concurrent int
	Queue      int
	PerAccount int
}

// DefaultWorkLimits run as many at once as there are CPUs, queue twice that, and give each account at
// most half the CPUs (at least two, so a person may fetch both languages of a PDF at once).
func DefaultWorkLimits() WorkLimits {
	n := runtime.GOMAXPROCS(0)
	return WorkLimits{Concurrent: n, Queue: 2 * n, PerAccount: max(2, n/2)}
}

func (l WorkLimits) orDefault() WorkLimits {
	if l.Concurrent <= 0 {
		l.Concurrent = runtime.GOMAXPROCS(0)
	}
	if l.Queue <= 0 {
		l.Queue = 2 * l.Concurrent
	}
	if l.PerAccount <= 0 {
		l.PerAccount = max(2, l.Concurrent/2)
	}
	return l
}

// workGate admits expensive work within its limits: past an account's share the answer is 429 for that
// account alone, past the whole queue it is busy (503), and either comes with Retry-After rather than a
// pile-up of goroutines and memory.
type workGate struct {
	slots  chan struct{}
	limits WorkLimits
	busy   func() *domain.Error

	mu        sync.Mutex
	inFlight  int            // running and waiting
	byAccount map[string]int // the same, per account
}

func newWorkGate(l WorkLimits, busy func() *domain.Error) *workGate {
	l = l.orDefault()
	return &workGate{slots: make(chan struct{}, l.Concurrent), limits: l, busy: busy, byAccount: map[string]int{}}
}

// enter waits for a slot for account ("" for someone signed out); call release when done.
func (g *workGate) enter(ctx context.Context, account string) (release func(), err error) {
	g.mu.Lock()
	switch {
	case g.byAccount[account] >= g.limits.PerAccount:
		g.mu.Unlock()
		return nil, domain.ErrOwnShareBusy()
	case g.inFlight >= g.limits.Concurrent+g.limits.Queue:
		g.mu.Unlock()
		return nil, g.busy()
	}
	g.inFlight++
	g.byAccount[account]++
	g.mu.Unlock()
	leave := func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		g.inFlight--
		if g.byAccount[account]--; g.byAccount[account] == 0 {
			delete(g.byAccount, account)
		}
	}
	select {
	case g.slots <- struct{}{}:
		return func() { <-g.slots; leave() }, nil
	case <-ctx.Done():
		leave()
		return nil, ctx.Err()
	}
}
