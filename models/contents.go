package models

import (
	"context"
	"database/sql"

	"gorm.io/gorm"

	"iduit/domain"
)

// ProposalContents is everything an export, the PDF or the annexes read of one proposal, as of one moment.
type ProposalContents struct {
	Sections    []domain.Section
	Revisions   []domain.Revision
	Comments    []domain.Comment
	Members     []domain.Member
	Documents   []domain.Document
	Attachments []domain.Attachment
	// People are the accounts that sections, revisions and documents name as their authors, by id.
	People map[string]domain.User
}

// ContentsQuery says which parts of a proposal ReadProposalContents reads besides its sections, members,
// documents and their authors: history (revisions and comments) and attachments cost an export, not a render.
type ContentsQuery struct {
	History     bool
	Attachments bool
}

// betweenContentReads, when set by a test, runs after the first read of ReadProposalContents: a save made
// there must not show in the later reads.
var betweenContentReads func()

// ReadProposalContents reads a proposal's parts in one read-only transaction, so they agree with each
// other: without it a save landing between two reads gave a section at version n+1 beside a history that
// ends at n. PostgreSQL runs the transaction REPEATABLE READ (one snapshot for every statement); SQLite's
// read transaction keeps the snapshot its first read takes, which in WAL mode never blocks the writer.
func (s *Store) ReadProposalContents(ctx context.Context, proposalID string, q ContentsQuery) (ProposalContents, error) {
	var out ProposalContents
	err := s.readSnapshot(ctx, func(r *Store) error {
		var err error
		if out.Sections, err = r.Sections(ctx, proposalID); err != nil {
			return err
		}
		if betweenContentReads != nil {
			betweenContentReads()
		}
		if q.History {
			if out.Revisions, err = r.AllRevisions(ctx, proposalID); err != nil {
				return err
			}
			if out.Comments, err = r.Comments(ctx, proposalID, CommentFilter{}); err != nil {
				return err
			}
		}
		if out.Members, err = r.Members(ctx, proposalID); err != nil {
			return err
		}
		if out.Documents, err = r.Documents(ctx, proposalID); err != nil {
			return err
		}
		if q.Attachments {
			if out.Attachments, err = r.Attachments(ctx, proposalID, ""); err != nil {
				return err
			}
		}
		out.People, err = r.UsersByID(ctx, contentAuthors(out))
		return err
	})
	return out, err
}

// readSnapshot runs fn with a store whose reads all go through one read-only transaction. The store fn
// gets is for reading only: it has no writer.
func (s *Store) readSnapshot(ctx context.Context, fn func(r *Store) error) error {
	opts := &sql.TxOptions{ReadOnly: true}
	if s.dialect == DialectPostgres {
		opts.Isolation = sql.LevelRepeatableRead
	}
	// ReadOnly also makes the SQLite driver BEGIN DEFERRED rather than the IMMEDIATE our DSN asks for
	// writes, so this transaction takes no write lock.
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		r := &Store{db: tx, sqlDB: s.sqlDB, dialect: s.dialect}
		r.counter.Store(s.counter.Load())
		return fn(r)
	}, opts)
}

// contentAuthors lists, once each, the accounts that the sections, revisions and documents name.
func contentAuthors(c ProposalContents) []string {
	seen := map[string]bool{}
	var ids []string
	add := func(id string) {
		if id != "" && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, s := range c.Sections {
		add(s.UpdatedBy)
	}
	for _, r := range c.Revisions {
		add(r.CreatedBy)
	}
	for _, d := range c.Documents {
		add(d.UpdatedBy)
	}
	return ids
}
