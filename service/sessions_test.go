package service

import (
	"context"
	"testing"
	"time"

	"iduit/domain"
)

// TestSessionsExpire signs in, moves the clock past the session's lifetime and checks the token no longer
// works, while a fresh sign-in does.
func TestSessionsExpire(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2027, 1, 1, 9, 0, 0, 0, time.UTC)
	svc, _ := newTestService(t, Config{SessionTTL: time.Hour, Now: func() time.Time { return now }})
	if _, err := svc.Register(ctx, RegisterInput{Email: "a@example.org", Name: "A", Password: "correct horse"}); err != nil {
		t.Fatal(err)
	}
	token, _, err := svc.SignIn(ctx, "a@example.org", "correct horse", "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := svc.Authenticate(ctx, token); err != nil {
		t.Fatalf("fresh session refused: %v", err)
	}
	now = now.Add(time.Hour + time.Second)
	if _, _, err := svc.Authenticate(ctx, token); domain.ErrorKind(err) != domain.KindUnauthenticated {
		t.Fatalf("expired session accepted: %v", err)
	}
	if _, _, err := svc.SignIn(ctx, "a@example.org", "correct horse", "127.0.0.1"); err != nil {
		t.Fatalf("signing in again: %v", err)
	}
}

// TestRenderGateRefusesPastItsQueue fills the render slots and the queue, then checks the next caller is
// told to come back (503) rather than queued without bound.
func TestRenderGateRefusesPastItsQueue(t *testing.T) {
	g := newWorkGate(WorkLimits{Concurrent: 1, Queue: 1, PerAccount: 1}, domain.ErrRenderBusy)
	release, err := g.enter(context.Background(), "a")
	if err != nil {
		t.Fatal(err)
	}
	waiting := make(chan error, 1)
	go func() {
		r, err := g.enter(context.Background(), "b")
		if err == nil {
			r()
		}
		waiting <- err
	}()
	for g.admitted() < 2 {
		time.Sleep(time.Millisecond)
	}
	if _, err := g.enter(context.Background(), "c"); domain.ErrorKind(err) != domain.KindUnavailable {
		t.Fatalf("a third caller got %v, want unavailable", err)
	}
	release()
	if err := <-waiting; err != nil {
		t.Fatalf("the queued caller got %v", err)
	}
}

// admitted is how many callers are running or waiting.
func (g *workGate) admitted() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.inFlight
}

func TestPDFCacheEvictsByBytes(t *testing.T) {
	c := newPDFCache(10)
	c.put("a", []byte("12345"))
	c.put("b", []byte("12345"))
	c.get("a") // a is now the most recent
	c.put("c", []byte("1234"))
	if _, ok := c.get("b"); ok {
		t.Fatal("the least recently used entry was kept")
	}
	for _, k := range []string{"a", "c"} {
		if _, ok := c.get(k); !ok {
			t.Fatalf("%s was evicted", k)
		}
	}
	c.put("huge", make([]byte, 11))
	if _, ok := c.get("huge"); ok {
		t.Fatal("an entry larger than the cache was stored")
	}
}
