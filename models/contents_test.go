package models_test

import (
	"context"
	"testing"

	"iduit/domain"
	"iduit/internal/testdb"
	"iduit/models"
)

// TestProposalContentsAreOneSnapshot saves a section between the first and the later reads of
// ReadProposalContents, on both engines: the save must succeed (the read transaction does not block the
// writer) and must not show in the contents, whose section version and history still agree. Reading each
// part on its own, as the export did before, gives version 1 beside two revisions.
func TestProposalContentsAreOneSnapshot(t *testing.T) {
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
		var between error
		ran := false
		models.BetweenContentReads(t, func() {
			ran = true
			between = save(1)
		})
		c, err := store.ReadProposalContents(ctx, p.ID, models.ContentsQuery{History: true, Attachments: true})
		if err != nil {
			t.Fatal(err)
		}
		if !ran || between != nil {
			t.Fatalf("the save between the reads: ran %v, %v", ran, between)
		}
		if len(c.Sections) != 1 || c.Sections[0].Version != 1 || len(c.Revisions) != 1 {
			t.Fatalf("contents mix two moments: %d sections (version %d), %d revisions", len(c.Sections), c.Sections[0].Version, len(c.Revisions))
		}
		if c.People[user.ID].Email != user.Email || len(c.Members) != 1 {
			t.Fatalf("people %v, members %v", c.People, c.Members)
		}
		if sec, err := store.Section(ctx, p.ID, "s"); err != nil || sec.Version != 2 {
			t.Fatalf("after the snapshot the save shows: %+v %v", sec, err)
		}
	})
}
