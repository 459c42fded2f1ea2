package models_test

import (
	"context"
	"testing"
	"time"

	"iduit/domain"
	"iduit/internal/testdb"
	"iduit/models"
)

// TestSaveSectionRefusals checks the store's own guards on both engines (PostgreSQL saves in one
// statement, SQLite through the group writer): a stale version is 412 with the current version, a final
// proposal is 409, and neither writes anything.
func TestSaveSectionRefusals(t *testing.T) {
	testdb.Each(t, func(t *testing.T, store *models.Store) {
		ctx := context.Background()
		user, p, now := ownedProposal(t, store, "s")
		save := func(expected int) error {
			_, err := store.SaveSection(ctx, models.SectionSave{ProposalID: p.ID, Key: "s", ExpectedVersion: expected,
				Fields: domain.Fields{"f": []byte(`"x"`)}, UserID: user.ID, Now: now,
				Activity: &domain.Activity{ProposalID: p.ID, Actor: user, Kind: domain.ActivitySectionSaved, Subject: "s", CreatedAt: now}})
			return err
		}
		if err := save(0); err != nil {
			t.Fatal(err)
		}
		err := save(0)
		if e, ok := domain.AsError(err); !ok || e.Kind != domain.KindPreconditionFailed || e.Extra["current_version"] != 1 {
			t.Fatalf("stale save: %v", err)
		}
		err = store.ChangeStatus(ctx, models.StatusChange{ProposalID: p.ID, From: domain.StatusDraft, To: domain.StatusFinal,
			Snapshot: domain.Snapshot{ID: domain.NewID(), ProposalID: p.ID, Name: "final", Status: domain.StatusFinal, CreatedBy: user.ID, CreatedAt: now}})
		if err != nil {
			t.Fatal(err)
		}
		if err := save(1); domain.ErrorKind(err) != domain.KindConflict {
			t.Fatalf("save on a final proposal: %v", err)
		}
		sec, err := store.Section(ctx, p.ID, "s")
		if err != nil || sec.Version != 1 {
			t.Fatalf("section after refusals: %+v %v", sec, err)
		}
		revs, total, err := store.Revisions(ctx, p.ID, "s", domain.Page{Limit: 10})
		if err != nil || total != 1 || len(revs) != 1 {
			t.Fatalf("revisions after refusals: %d %v", total, err)
		}
	})
}

// ownedProposal stores a user and a draft proposal of theirs with the given sections, as of now.
func ownedProposal(t *testing.T, store *models.Store, sections ...string) (domain.User, domain.Proposal, time.Time) {
	t.Helper()
	ctx := context.Background()
	now := time.Now().UTC().Truncate(time.Microsecond)
	user := domain.User{ID: domain.NewID(), Email: domain.NewID() + "@example.org", Name: "U", CreatedAt: now}
	if err := store.CreateUser(ctx, user, "hash"); err != nil {
		t.Fatal(err)
	}
	p := domain.Proposal{ID: domain.NewID(), TemplateKey: "t", TemplateVersion: 1, Title: "T", Language: "ru", SubmissionLanguage: "ru",
		Country: "KG", Status: domain.StatusDraft, CreatedBy: user.ID, CreatedAt: now, UpdatedAt: now}
	if err := store.CreateProposal(ctx, p, sections); err != nil {
		t.Fatal(err)
	}
	return user, p, now
}

// TestAnEditingBurstIsOneActivityEntry saves one section again and again on both engines and counts the
// activity entries: a person's saves within domain.EditingBurst of their previous save add none, while
// another person's save, a pause longer than the burst, and a restore each add one. Every save still
// writes its revision.
func TestAnEditingBurstIsOneActivityEntry(t *testing.T) {
	steps := []struct {
		who     string
		at      time.Duration
		restore bool
		entries int64
	}{
		{"aida", 0, false, 1},
		{"aida", time.Minute, false, 1},
		{"aida", 2 * time.Minute, false, 1},
		{"bakyt", 3 * time.Minute, false, 2},
		{"aida", 4 * time.Minute, false, 3},
		{"aida", 4*time.Minute + domain.EditingBurst, false, 4},
		{"aida", 25 * time.Minute, true, 5},
		{"aida", 26 * time.Minute, false, 5},
	}
	testdb.Each(t, func(t *testing.T, store *models.Store) {
		ctx := context.Background()
		start := time.Now().UTC().Truncate(time.Microsecond)
		users := map[string]domain.User{}
		for _, name := range []string{"aida", "bakyt"} {
			users[name] = domain.User{ID: domain.NewID(), Email: domain.NewID() + "@example.org", Name: name, CreatedAt: start}
			if err := store.CreateUser(ctx, users[name], "hash"); err != nil {
				t.Fatal(err)
			}
		}
		p := domain.Proposal{ID: domain.NewID(), TemplateKey: "t", TemplateVersion: 1, Title: "T", Language: "ru", SubmissionLanguage: "ru",
			Country: "KG", Status: domain.StatusDraft, CreatedBy: users["aida"].ID, CreatedAt: start, UpdatedAt: start}
		if err := store.CreateProposal(ctx, p, []string{"s"}); err != nil {
			t.Fatal(err)
		}
		for i, st := range steps {
			now, kind := start.Add(st.at), domain.ActivitySectionSaved
			if st.restore {
				kind = domain.ActivitySectionRestored
			}
			_, err := store.SaveSection(ctx, models.SectionSave{ProposalID: p.ID, Key: "s", ExpectedVersion: i,
				Fields: domain.Fields{"f": []byte(`"x"`)}, UserID: users[st.who].ID, Now: now,
				Activity: &domain.Activity{ProposalID: p.ID, Actor: users[st.who], Kind: kind, Subject: "s", CreatedAt: now}})
			if err != nil {
				t.Fatalf("save %d: %v", i+1, err)
			}
			if _, n, err := store.Activity(ctx, p.ID, domain.Page{Limit: 50}); err != nil || n != st.entries {
				t.Fatalf("after save %d (%s at +%v, restore %v): %d activity entries, want %d (%v)", i+1, st.who, st.at, st.restore, n, st.entries, err)
			}
		}
		if _, n, err := store.Revisions(ctx, p.ID, "s", domain.Page{Limit: 50}); err != nil || n != int64(len(steps)) {
			t.Fatalf("%d revisions, want one per save (%v)", n, err)
		}
	})
}
