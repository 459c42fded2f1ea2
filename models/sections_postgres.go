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
// entry (domain.ContinuesBurst; $12 is false for restores, which are always logged).
//
// The statement goes to database/sql directly, with PostgreSQL's numbered parameters: the fields
// document is sent once (the revision takes it from the updated row), and GORM's rewriting of named
// parameters, which built this whole text again on every save, is skipped. Parameters: $1 proposal,
// $2 final status, $3 section key, $4 next version, $5 fields, $6 now, $7 user, $8 expected version,
// $9 activity kind, $10 subject, $11 detail, $12 whether a burst may continue, $13 start of the burst.
const saveSectionPostgres = `
WITH open AS (
    SELECT id FROM proposals WHERE id = $1 AND status <> $2 FOR UPDATE
), prev AS (
    SELECT updated_by, updated_at FROM sections WHERE proposal_id = $1 AND section_key = $3
), saved AS (
    UPDATE sections SET version = $4, fields = $5, updated_at = $6, updated_by = $7
    WHERE proposal_id = $1 AND section_key = $3 AND version = $8 AND EXISTS (SELECT 1 FROM open)
    RETURNING version, fields
), revision AS (
    INSERT INTO revisions (proposal_id, section_key, number, fields, created_at, created_by)
    SELECT $1, $3, version, fields, $6, $7 FROM saved
), touched AS (
    UPDATE proposals SET updated_at = $6 WHERE id = $1 AND EXISTS (SELECT 1 FROM saved)
), logged AS (
    INSERT INTO activity (proposal_id, actor_id, kind, subject, detail, created_at)
    SELECT $1, $7, $9, $10, $11, $6 FROM saved
    WHERE NOT ($12 AND EXISTS (SELECT 1 FROM prev WHERE updated_by = $7 AND updated_at <= $6 AND updated_at > $13))
)
SELECT (SELECT count(*) FROM saved) AS saved, (SELECT count(*) FROM open) AS open`

// saveSectionOneStatement runs saveSectionPostgres and explains a save that changed nothing: the
// proposal is final (409) or someone saved first (412).
func (s *Store) saveSectionOneStatement(ctx context.Context, in SectionSave, body string) error {
	var saved, open int64
	s.countDirect()
	err := s.sqlDB.QueryRowContext(ctx, saveSectionPostgres,
		in.ProposalID, domain.StatusFinal, in.Key, in.ExpectedVersion+1, body, in.Now, in.UserID, in.ExpectedVersion,
		in.Activity.Kind, in.Activity.Subject, in.Activity.Detail,
		in.Activity.Kind == domain.ActivitySectionSaved, in.Now.Add(-domain.EditingBurst),
	).Scan(&saved, &open)
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
