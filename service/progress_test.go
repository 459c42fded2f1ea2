package service

import (
	"context"
	"encoding/json"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"

	"iduit/domain"
)

// TestProgressOfListIsBatched: the list's progress equals each proposal's own, and costs one query
// whether the list holds one proposal or ten.
func TestProgressOfListIsBatched(t *testing.T) {
	ctx := context.Background()
	svc, store := newTestService(t, Config{})
	user, err := svc.Register(ctx, RegisterInput{Email: "l@example.org", Name: "L", Password: "correct horse"})
	if err != nil {
		t.Fatal(err)
	}
	var list []domain.Proposal
	for i := 0; i < 10; i++ {
		title, lang, country := "Заявка", "ru", "KG"
		p, err := svc.CreateProposal(ctx, user, ProposalInput{Template: "gf-concept-note-pwid", Title: &title, Language: &lang, Country: &country})
		if err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 {
			in := SaveSectionInput{ProposalID: p.ID, Key: "epidemiology", Fields: domain.Fields{"data-gaps": json.RawMessage(`"Нет данных."`)}}
			if _, err := svc.SaveSection(ctx, AccessOf(user), in); err != nil {
				t.Fatal(err)
			}
		}
		list = append(list, p)
	}
	var queries atomic.Int64
	if err := store.CountQueries(&queries); err != nil {
		t.Fatal(err)
	}
	count := func(ps []domain.Proposal) (map[string]Progress, int64) {
		before := queries.Load()
		got, err := svc.ProgressOfList(ctx, ps)
		if err != nil {
			t.Fatal(err)
		}
		return got, queries.Load() - before
	}
	_, one := count(list[:1])
	all, ten := count(list)
	if one != 1 || ten != 1 {
		t.Fatalf("progress of 1 proposal took %d queries, of 10 took %d; want 1 each", one, ten)
	}
	for _, p := range list {
		want, err := svc.Progress(ctx, AccessOf(user), p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(want, all[p.ID]); d != "" {
			t.Fatalf("list progress differs from the proposal's own (-own +list):\n%s", d)
		}
	}
}
