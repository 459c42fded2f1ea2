package models

import (
	"context"

	"gorm.io/gorm"

	"iduit/domain"
)

// sectionSaver is how a store writes a section save: the one decision that differs by engine, made once
// when the store opens (see Open) so that SaveSection reads the same on both.
//
//   - transactionSaver, on SQLite: the save's steps in one transaction, through the group-commit writer
//     (Store.write), with the writer's prepared statements.
//   - oneStatementSaver, on PostgreSQL: the save as one statement sent through the save batcher, which
//     costs one round trip instead of six; it falls back to the transaction for a save that writes no
//     activity entry (the statement always logs one).
//
// Both take body, the fields already encoded, and return nil or the domain error that explains a refusal:
// KindPreconditionFailed with the current version when someone saved first, KindConflict when the
// proposal is final, not found when the section does not exist.
type sectionSaver interface {
	saveSection(ctx context.Context, in SectionSave, body string) error
}

// sectionSessionSaver is a sectionSaver that can also authenticate the caller's session in the same statement
// (see SaveSectionAsSession): only PostgreSQL's, where the round trip saved is worth it.
type sectionSessionSaver interface {
	sectionSaver
	// saveSectionAsSession saves for the user of the session whose token hashes to tokenHash if they may
	// edit with one of roles; userID is "" when they may not, and then nothing was written.
	saveSectionAsSession(ctx context.Context, tokenHash string, roles []string, in SectionSave, body string) (userID string, err error)
}

// newSectionSaver picks the saver for the store's engine; the store's writer or batcher is already set.
func newSectionSaver(s *Store) sectionSaver {
	tx := transactionSaver{s}
	if s.dialect == DialectPostgres {
		return oneStatementSaver{s: s, fallback: tx}
	}
	return tx
}

// transactionSaver runs the save's steps in a transaction (see saveSectionInTx).
type transactionSaver struct{ s *Store }

func (t transactionSaver) saveSection(ctx context.Context, in SectionSave, body string) error {
	return t.s.write(ctx, func(tx *gorm.DB) error { return t.s.saveSectionInTx(tx, in, body) })
}

// oneStatementSaver runs PostgreSQL's one-statement save (see saveSectionSteps).
type oneStatementSaver struct {
	s        *Store
	fallback transactionSaver
}

func (o oneStatementSaver) saveSection(ctx context.Context, in SectionSave, body string) error {
	if in.Activity == nil {
		return o.fallback.saveSection(ctx, in, body)
	}
	return o.s.saveSectionOneStatement(ctx, in, body)
}

func (o oneStatementSaver) saveSectionAsSession(ctx context.Context, tokenHash string, roles []string, in SectionSave, body string) (string, error) {
	saved, open, userID, err := o.s.runSave(ctx, saveSectionAsSessionPostgres, in, body, tokenHash, roles)
	switch {
	case err != nil:
		return "", err
	case userID == "":
		return "", nil // not authenticated for this save: the ordinary way explains
	case !open:
		return "", domain.ErrProposalFinal()
	case !saved:
		return "", staleVersion(o.s.db.WithContext(ctx), in)
	}
	return userID, nil
}
