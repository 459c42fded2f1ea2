package models

import (
	"context"
	"encoding/json"

	"iduit/domain"
)

// saveSectionSteps is a save in one statement, so one round trip instead of six (BEGIN, four writes,
// COMMIT): on PostgreSQL the round trips, not the work, were what a save cost. The statement is atomic
// on its own. It follows a "who" step naming the user who saves (see the two statements below).
//
// "open" takes the proposal row FOR UPDATE, as the generic path's touch does, so saves to one proposal
// and a status change serialise exactly as before: a save cannot slip past a proposal becoming final,
// and no two saves deadlock upgrading a shared lock.
//
// "prev" reads the section as it was before this statement (every part of one statement sees the same
// snapshot): a save by the same person within the editing burst of the previous one writes no activity
// entry (domain.ContinuesBurst; $12 is false for restores, which are always logged).
//
// The statement goes to database/sql directly, with PostgreSQL's numbered parameters: the fields
// document is sent once (the revision takes it from the updated row), and GORM's rewriting of named
// parameters, which built this whole text again on every save, is skipped. Parameters: $1 proposal,
// $2 final status, $3 section key, $4 next version, $5 fields, $6 now, $7 who (see below), $8 expected
// version, $9 activity kind, $10 subject, $11 detail, $12 whether a burst may continue, $13 start of the
// burst.
const saveSectionSteps = `
open AS (
    SELECT id FROM proposals WHERE id = $1 AND status <> $2 AND EXISTS (SELECT 1 FROM who) FOR UPDATE
), prev AS (
    SELECT updated_by, updated_at FROM sections WHERE proposal_id = $1 AND section_key = $3
), saved AS (
    UPDATE sections SET version = $4, fields = $5, updated_at = $6, updated_by = (SELECT user_id FROM who)
    WHERE proposal_id = $1 AND section_key = $3 AND version = $8 AND EXISTS (SELECT 1 FROM open)
    RETURNING version, fields, updated_by
), revision AS (
    INSERT INTO revisions (proposal_id, section_key, number, fields, created_at, created_by)
    SELECT $1, $3, version, fields, $6, updated_by FROM saved
), touched AS (
    UPDATE proposals SET updated_at = $6 WHERE id = $1 AND EXISTS (SELECT 1 FROM saved)
), logged AS (
    INSERT INTO activity (proposal_id, actor_id, kind, subject, detail, created_at)
    SELECT $1, updated_by, $9, $10, $11, $6 FROM saved
    WHERE NOT ($12 AND EXISTS (SELECT 1 FROM prev, who WHERE prev.updated_by = who.user_id AND prev.updated_at <= $6 AND prev.updated_at > $13))
)
SELECT (SELECT count(*) FROM saved), (SELECT count(*) FROM open), (SELECT user_id FROM who)`

// saveSectionPostgres saves for a user already authenticated: $7 is their id.
const saveSectionPostgres = `WITH who AS (SELECT CAST($7 AS TEXT) AS user_id), ` + saveSectionSteps

// saveSectionAsSessionPostgres authenticates and saves in one statement, for the autosave: $7 is the
// hash of the caller's session token and $14 the roles that may edit text. "who" finds the session's user
// only if the session is live, the user a member of the proposal with one of those roles, and the
// proposal written in one language (a bilingual save marks translations outdated, which only the
// ordinary path does) — the conditions service.SaveSection checks one at a time. When it finds no one,
// nothing is written.
const saveSectionAsSessionPostgres = `WITH who AS (
    SELECT sessions.user_id FROM sessions
    JOIN members ON members.user_id = sessions.user_id AND members.proposal_id = $1
    JOIN proposals ON proposals.id = members.proposal_id AND NOT proposals.bilingual
    WHERE sessions.token_hash = $7 AND sessions.expires_at > $6 AND members.role = ANY($14)
), ` + saveSectionSteps

// saveSectionOneStatement runs saveSectionPostgres and explains a save that changed nothing: the
// proposal is final (409) or someone saved first (412).
func (s *Store) saveSectionOneStatement(ctx context.Context, in SectionSave, body string) error {
	saved, open, _, err := s.runSave(ctx, saveSectionPostgres, in, body, in.UserID)
	switch {
	case err != nil:
		return err
	case saved:
		return nil
	case !open:
		return domain.ErrProposalFinal()
	}
	return staleVersion(s.db.WithContext(ctx), in)
}

// runSave runs one of the save statements, in a batch with whatever other saves are waiting (see
// saveBatcher); who is $7 and extra follow $13.
func (s *Store) runSave(ctx context.Context, statement string, in SectionSave, body, who string, extra ...any) (saved, open bool, userID string, err error) {
	args := append([]any{in.ProposalID, domain.StatusFinal, in.Key, in.ExpectedVersion + 1, body, in.Now, who, in.ExpectedVersion,
		in.Activity.Kind, in.Activity.Subject, in.Activity.Detail,
		in.Activity.Kind == domain.ActivitySectionSaved, in.Now.Add(-domain.EditingBurst)}, extra...)
	s.countDirect()
	out := s.saves.submit(ctx, statement, in.ProposalID+"\x00"+in.Key, args)
	if out.err != nil {
		return false, false, "", translate(out.err, "section")
	}
	return out.saved, out.open, out.userID, nil
}

// SavesAsSession tells whether SaveSectionAsSession is available: only on PostgreSQL, where a round trip
// saved is worth a statement of its own. On SQLite the writer is one connection in this process, and
// reads do not queue behind it.
func (s *Store) SavesAsSession() bool {
	_, ok := s.saver.(sectionSessionSaver)
	return ok
}

// SaveSectionAsSession authenticates the session whose token hashes to tokenHash and saves the section
// for its user, in one statement (see saveSectionAsSessionPostgres). in.UserID is ignored. It reports
// false, having written nothing, when the session, the membership, the role or the proposal's languages
// do not allow the save; the caller then asks the ordinary way, which tells those cases apart. A caller
// who passed all of those gets the ordinary way's answer at once: 409 for a final proposal, 412 when
// someone saved first.
func (s *Store) SaveSectionAsSession(ctx context.Context, tokenHash string, editors []domain.Role, in SectionSave) (domain.Section, bool, error) {
	body, err := json.Marshal(in.Fields)
	if err != nil {
		return domain.Section{}, false, err
	}
	ss, ok := s.saver.(sectionSessionSaver)
	if !ok {
		return domain.Section{}, false, nil // no such statement here: the ordinary way saves
	}
	roles := make([]string, len(editors))
	for i, r := range editors {
		roles[i] = string(r)
	}
	userID, err := ss.saveSectionAsSession(ctx, tokenHash, roles, in, string(body))
	if err != nil || userID == "" {
		return domain.Section{}, false, err
	}
	return domain.Section{ProposalID: in.ProposalID, Key: in.Key, Version: in.ExpectedVersion + 1, Fields: in.Fields, UpdatedAt: in.Now, UpdatedBy: userID}, true, nil
}
