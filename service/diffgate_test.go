package service

import (
	"context"
	"encoding/json"
	"sync/atomic"
	"testing"
	"time"

	"iduit/domain"
)

// TestDiffsAreBoundedAndCached: a comparison of two revisions is read and computed once and then served
// from the cache; an uncached one past the diff queue is told to come back (503), one past the caller's
// own share gets 429, and cached ones are answered either way.
func TestDiffsAreBoundedAndCached(t *testing.T) {
	ctx := context.Background()
	svc, store := newTestService(t, Config{Diffs: WorkLimits{Concurrent: 1, Queue: 1, PerAccount: 1}})
	user, err := svc.Register(ctx, RegisterInput{Email: "d@example.org", Name: "D", Password: "correct horse"})
	if err != nil {
		t.Fatal(err)
	}
	title, lang, country := "Заявка", "ru", "KG"
	p, err := svc.CreateProposal(ctx, user, ProposalInput{Template: "gf-concept-note-pwid", Title: &title, Language: &lang, Country: &country})
	if err != nil {
		t.Fatal(err)
	}
	for i, text := range []string{`"Нет данных о гепатите."`, `"Нет свежих данных о гепатите С."`} {
		in := SaveSectionInput{ProposalID: p.ID, Key: "epidemiology", ExpectedVersion: i, Fields: domain.Fields{"data-gaps": json.RawMessage(text)}}
		if _, err := svc.SaveSection(ctx, AccessOf(user), in); err != nil {
			t.Fatal(err)
		}
	}
	var queries atomic.Int64
	if err := store.CountQueries(&queries); err != nil {
		t.Fatal(err)
	}
	diff := func(a, b int) ([]FieldDiff, int64, error) {
		before := queries.Load()
		out, err := svc.DiffRevisions(ctx, AccessOf(user), p.ID, "epidemiology", a, b)
		return out, queries.Load() - before, err
	}
	first, uncached, err := diff(1, 2)
	if err != nil || len(first) != 1 {
		t.Fatalf("diff 1→2: %v, %d fields", err, len(first))
	}
	again, cached, err := diff(1, 2)
	if err != nil || len(again) != 1 || again[0].Ops[0] != first[0].Ops[0] {
		t.Fatalf("the repeated diff differs: %v %+v", err, again)
	}
	if cached >= uncached {
		t.Errorf("the repeated diff took %d queries, the first %d: the revisions were read again", cached, uncached)
	}

	// Someone else fills the only slot and the only queue place.
	release, err := svc.diffGate.enter(ctx, "someone")
	if err != nil {
		t.Fatal(err)
	}
	queued := make(chan func(), 1)
	go func() {
		r, err := svc.diffGate.enter(ctx, "someone else")
		if err != nil {
			r = func() {}
		}
		queued <- r
	}()
	for svc.diffGate.admitted() < 2 {
		time.Sleep(time.Millisecond)
	}
	if _, _, err := diff(0, 2); domain.ErrorKind(err) != domain.KindUnavailable {
		t.Errorf("an uncached diff past the queue: %v, want unavailable (503)", err)
	}
	if _, _, err := diff(1, 2); err != nil {
		t.Errorf("a cached diff while the gate is full: %v", err)
	}
	release()
	(<-queued)()

	// The caller's own share is taken by their other comparison.
	mine, err := svc.diffGate.enter(ctx, user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := diff(0, 1); domain.ErrorKind(err) != domain.KindTooManyRequests {
		t.Errorf("an uncached diff past the caller's share: %v, want too many requests (429)", err)
	}
	mine()
	if _, _, err := diff(0, 1); err != nil {
		t.Errorf("once the caller's other diff is done: %v", err)
	}
}
