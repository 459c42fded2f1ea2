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
		now := time.Now().UTC().Truncate(time.Microsecond)
		user := domain.User{ID: domain.NewID(), Email: domain.NewID() + "@example.org", Name: "U", CreatedAt: now}
		if err := store.CreateUser(ctx, user, "hash"); err != nil {
			t.Fatal(err)
		}
		p := domain.Proposal{ID: domain.NewID(), TemplateKey: "t", TemplateVersion: 1, Title: "T", Language: "ru", SubmissionLanguage: "ru",
			Country: "KG", Status: domain.StatusDraft, CreatedBy: user.ID, CreatedAt: now, UpdatedAt: now}
		if err := store.CreateProposal(ctx, p, []string{"s"}); err != nil {
			t.Fatal(err)
		}
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
