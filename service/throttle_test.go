package service

import (
	"testing"
	"time"
)

func TestThrottle(t *testing.T) {
	th := newThrottle(3, time.Minute)
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 3; i++ {
		if w := th.wait("a", t0); w != 0 {
			t.Fatalf("attempt %d throttled", i)
		}
		th.fail("a", t0.Add(time.Duration(i)*time.Second))
	}
	if w := th.wait("a", t0.Add(10*time.Second)); w != 50*time.Second {
		t.Fatalf("wait %v, want 50s (until the first failure leaves the window)", w)
	}
	if w := th.wait("b", t0); w != 0 {
		t.Fatal("another key is throttled")
	}
	if w := th.wait("a", t0.Add(time.Minute)); w != 0 {
		t.Fatalf("still throttled after the window: %v", w)
	}
	th.fail("a", t0)
	th.reset("a")
	if len(th.failures) != 0 {
		t.Fatalf("reset kept %v", th.failures)
	}
}
