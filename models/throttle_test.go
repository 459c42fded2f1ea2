package models_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"iduit/domain"
	"iduit/internal/testdb"
	"iduit/models"
)

// TestCountAttemptsIsAtomic sends thirty attempts at one counter at once: each must get its own number,
// or several could each believe they were within the limit.
func TestCountAttemptsIsAtomic(t *testing.T) {
	testdb.Each(t, func(t *testing.T, store *models.Store) {
		ctx := context.Background()
		c := models.AttemptCounter{Key: "atomic-" + domain.NewID(), Limit: 5, Window: time.Minute, MaxWindow: time.Hour}
		now := time.Now()
		got := make([]int, 30)
		var wg sync.WaitGroup
		for i := range got {
			wg.Add(1)
			go func() {
				defer wg.Done()
				counts, err := store.CountAttempts(ctx, now, c)
				if err != nil {
					t.Error(err)
					return
				}
				got[i] = counts[0].Attempts
			}()
		}
		wg.Wait()
		slices.Sort(got)
		for i, n := range got {
			if n != i+1 {
				t.Fatalf("attempt numbers %v, want 1..30 each once", got)
			}
		}
	})
}

// TestAttemptWindowsDouble checks the back-off: a window that reached its limit is followed by one twice
// as long, up to the maximum; a quiet counter starts over at the base window.
func TestAttemptWindowsDouble(t *testing.T) {
	testdb.Each(t, func(t *testing.T, store *models.Store) {
		ctx := context.Background()
		c := models.AttemptCounter{Key: "double-" + domain.NewID(), Limit: 2, Window: time.Minute, MaxWindow: 3 * time.Minute}
		t0 := time.Unix(1_800_000_000, 0)
		count := func(at time.Time) models.AttemptCount {
			t.Helper()
			got, err := store.CountAttempts(ctx, at, c)
			if err != nil {
				t.Fatal(err)
			}
			return got[0]
		}
		steps := []struct {
			at           time.Duration
			attempts     int
			windowLength time.Duration // from at
		}{
			{0, 1, time.Minute},
			{time.Second, 2, time.Minute - time.Second},
			{2 * time.Second, 3, time.Minute - 2*time.Second}, // over the limit: refused by the caller
			{time.Minute, 1, 2 * time.Minute},                 // exhausted window: doubled
			{time.Minute + time.Second, 2, 2*time.Minute - time.Second},
			{3 * time.Minute, 1, 3 * time.Minute}, // doubled again, capped at the maximum
			{6 * time.Minute, 1, time.Minute},     // the last window did not reach the limit: back to the base
		}
		for i, s := range steps {
			got := count(t0.Add(s.at))
			if got.Attempts != s.attempts || !got.WindowEnd.Equal(t0.Add(s.at+s.windowLength)) {
				t.Fatalf("step %d: %d attempts until %v, want %d until %v", i, got.Attempts, got.WindowEnd, s.attempts, t0.Add(s.at+s.windowLength))
			}
		}
		if got := count(t0.Add(time.Hour)); got.Attempts != 1 || !got.WindowEnd.Equal(t0.Add(time.Hour+time.Minute)) {
			t.Fatalf("after a quiet hour: %+v, want the base window", got)
		}
	})
}

// TestSettleAttempts forgets, refunds and remembers in one go.
func TestSettleAttempts(t *testing.T) {
	testdb.Each(t, func(t *testing.T, store *models.Store) {
		ctx := context.Background()
		id := domain.NewID()
		pair := models.AttemptCounter{Key: "pair-" + id, Limit: 5, Window: time.Minute, MaxWindow: time.Minute}
		addr := models.AttemptCounter{Key: "addr-" + id, Limit: 5, Window: time.Minute, MaxWindow: time.Minute}
		now := time.Now()
		for range 3 {
			if _, err := store.CountAttempts(ctx, now, pair, addr); err != nil {
				t.Fatal(err)
			}
		}
		if err := store.SettleAttempts(ctx, pair.Key, []string{addr.Key}, "known-"+id, now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		got, err := store.CountAttempts(ctx, now, pair, addr)
		if err != nil {
			t.Fatal(err)
		}
		if got[0].Attempts != 1 || got[1].Attempts != 3 {
			t.Fatalf("after settling: pair %d, address %d attempts; want 1 (forgotten) and 3 (one refunded)", got[0].Attempts, got[1].Attempts)
		}
		for key, want := range map[string]bool{"known-" + id: true, "unknown-" + id: false} {
			if ok, err := store.Remembered(ctx, key, now); err != nil || ok != want {
				t.Fatalf("Remembered(%s) = %v, %v", key, ok, err)
			}
		}
		if err := store.PruneAttempts(ctx, now.Add(2*time.Hour)); err != nil {
			t.Fatal(err)
		}
		if ok, _ := store.Remembered(ctx, "known-"+id, now); ok {
			t.Fatal("pruning kept an expired marker")
		}
	})
}
