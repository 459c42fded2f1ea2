package models_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"iduit/domain"
	"iduit/internal/testdb"
	"iduit/models"
)

// TestConcurrentSavesInABatchKeepTheirOwnOutcomes saves many sections of one proposal at once on
// PostgreSQL, where saves travel in batches that commit together. Every fifth save names an author who
// does not exist, so its statement fails and PostgreSQL refuses its whole batch: each of the others must
// still be saved, with its revision, and the failed ones must leave nothing behind.
func TestConcurrentSavesInABatchKeepTheirOwnOutcomes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, store *models.Store) {
		if store.Dialect() != models.DialectPostgres {
			t.Skip("SQLite saves through its group writer (writer_test.go)")
		}
		ctx := context.Background()
		const n = 60
		keys := make([]string, n)
		for i := range keys {
			keys[i] = fmt.Sprint("s", i)
		}
		user, p, now := ownedProposal(t, store, keys...)
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i, key := range keys {
			wg.Add(1)
			go func() {
				defer wg.Done()
				author := user
				if i%5 == 0 {
					author = domain.User{ID: "nobody-" + key}
				}
				_, errs[i] = store.SaveSection(ctx, models.SectionSave{ProposalID: p.ID, Key: key, ExpectedVersion: 0,
					Fields: domain.Fields{"f": []byte(`"x"`)}, UserID: author.ID, Now: now,
					Activity: &domain.Activity{ProposalID: p.ID, Actor: author, Kind: domain.ActivitySectionSaved, Subject: key, CreatedAt: now}})
			}()
		}
		wg.Wait()
		if got := models.LargestSaveBatch(store); got < 2 {
			t.Fatalf("no two saves shared a batch (largest %d): the test did not exercise batching", got)
		}
		for i, key := range keys {
			sec, err := store.Section(ctx, p.ID, key)
			if err != nil {
				t.Fatal(err)
			}
			_, revisions, err := store.Revisions(ctx, p.ID, key, domain.Page{Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			failed := i%5 == 0
			if failed != (errs[i] != nil) || (failed && (sec.Version != 0 || revisions != 0)) || (!failed && (sec.Version != 1 || revisions != 1)) {
				t.Fatalf("save %d: err %v, version %d, revisions %d", i, errs[i], sec.Version, revisions)
			}
		}
	})
}
