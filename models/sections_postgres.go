package models

import (
	"context"

	"iduit/domain"
)

// saveSectionPostgres is a save in one statement, so one round trip instead of six (BEGIN, four writes,
// COMMIT): on PostgreSQL the round trips, not the work, were what a save cost. The statement is atomic
// on its own. "open" takes the proposal row FOR UPDATE, as the generic path's touch does, so saves to one
// proposal and a status change serialise exactly as before: a save cannot slip past a proposal becoming
// final, and no two saves deadlock upgrading a shared lock.
//
// "prev" reads the section as it was before this statement (every part of one statement sees the same
// snapshot): a save by the same person within the editing burst of the previous one writes no activity
// entry (domain.ContinuesBurst; @burst is false for restores, which are always logged).
const saveSectionPostgres = `
WITH open AS (
    SELECT id FROM proposals WHERE id = @proposal AND status <> @final FOR UPDATE
), prev AS (
    SELECT updated_by, updated_at FROM sections WHERE proposal_id = @proposal AND section_key = @key
), saved AS (
    UPDATE sections SET version = @next, fields = @fields, updated_at = @now, updated_by = @user
    WHERE proposal_id = @proposal AND section_key = @key AND version = @expected AND EXISTS (SELECT 1 FROM open)
    RETURNING version
), revision AS (
    INSERT INTO revisions (proposal_id, section_key, number, fields, created_at, created_by)
    SELECT @proposal, @key, version, @fields, @now, @user FROM saved
), touched AS (
    UPDATE proposals SET updated_at = @now WHERE id = @proposal AND EXISTS (SELECT 1 FROM saved)
), logged AS (
    INSERT INTO activity (proposal_id, actor_id, kind, subject, detail, created_at)
    SELECT @proposal, @user, @kind, @subject, @detail, @now FROM saved
    WHERE NOT (@burst AND EXISTS (SELECT 1 FROM prev WHERE updated_by = @user AND updated_at <= @now AND updated_at > @since))
)
SELECT (SELECT count(*) FROM saved) AS saved, (SELECT count(*) FROM open) AS open`

// saveSectionOneStatement runs saveSectionPostgres and explains a save that changed nothing: the
// proposal is final (409) or someone saved first (412).
func (s *Store) saveSectionOneStatement(ctx context.Context, in SectionSave, body string) error {
	// Row, not GORM's Scan: Scan records every statement with its arguments spelled out (the whole
	// fields document), which measured as 7% of a save's CPU for a log nobody reads.
	var saved, open int64
	err := s.db.WithContext(ctx).Raw(saveSectionPostgres, map[string]any{
		"proposal": in.ProposalID, "key": in.Key, "expected": in.ExpectedVersion, "next": in.ExpectedVersion + 1,
		"fields": body, "now": in.Now, "user": in.UserID, "final": domain.StatusFinal,
		"kind": in.Activity.Kind, "subject": in.Activity.Subject, "detail": in.Activity.Detail,
		"burst": in.Activity.Kind == domain.ActivitySectionSaved, "since": in.Now.Add(-domain.EditingBurst),
	}).Row().Scan(&saved, &open)
	switch {
	case err != nil:
		return translate(err, "section")
	case saved == 1:
		return nil
	case open == 0:
		return domain.ErrProposalFinal()
	}
	return staleVersion(s.db.WithContext(ctx), in)
}
