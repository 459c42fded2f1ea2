package models

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"gorm.io/gorm"

	"iduit/domain"
)

// ProposalImport is a whole proposal to store, with people already resolved to accounts.
type ProposalImport struct {
	Proposal  domain.Proposal
	Members   []domain.Member
	Sections  []domain.Section
	Revisions []domain.Revision
	Comments  []domain.Comment
	Documents []domain.Document
	// Attachments are files whose chunks are written (WriteChunks); their blob rows and attachments are
	// stored in the import's last step.
	Attachments []domain.Attachment
	Activity    *domain.Activity
	// Key remembers the import for the importer so that a retry finds it (see ImportedProposal); empty
	// remembers nothing.
	Key string
}

// importChunk is how many history rows one write of an import carries. On SQLite every write holds the
// database's single writer, which every save waits for; a chunk this size takes milliseconds, so saves
// go on between an import's chunks instead of waiting for the whole import.
const importChunk = 500

// ImportProposal stores an import in short steps rather than one long transaction: first the proposal
// with its sections and documents, then the history in chunks, and last, in one transaction, the
// members, the activity entry and the import key. Until that last step the proposal has no member, so
// nobody can see it half-made; if a step fails, the partial proposal is deleted. When the same import
// (same importer and key) finished first, nothing is kept and that proposal's id is returned.
func (s *Store) ImportProposal(ctx context.Context, in ProposalImport) (firstID string, err error) {
	err = s.write(ctx, func(tx *gorm.DB) error {
		row := proposalToRow(in.Proposal)
		if err := tx.Create(&row).Error; err != nil {
			return translate(err, "proposal")
		}
		if err := importSections(tx, in); err != nil {
			return err
		}
		return importDocuments(tx, in)
	})
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil || firstID != "" {
			// Not with ctx: a client that gave up must not leave a half-made proposal behind.
			cleanup, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
			defer cancel()
			_ = s.DeleteProposal(cleanup, in.Proposal.ID)
		}
	}()
	if err = s.importHistory(ctx, in); err != nil {
		return "", err
	}
	return s.finishImport(ctx, in)
}

// importHistory writes revisions, then comments (threads' first comments before replies, which point to
// them), importChunk rows per write.
func (s *Store) importHistory(ctx context.Context, in ProposalImport) error {
	revisions, err := revisionRows(in)
	if err != nil {
		return err
	}
	if err := writeInChunks(ctx, s, revisions, "revision"); err != nil {
		return err
	}
	return writeInChunks(ctx, s, commentRows(in), "comment")
}

func writeInChunks[T any](ctx context.Context, s *Store, rows []T, what string) error {
	for start := 0; start < len(rows); start += importChunk {
		chunk := rows[start:min(start+importChunk, len(rows))]
		if err := s.write(ctx, func(tx *gorm.DB) error { return createInBatches(tx, chunk, what) }); err != nil {
			return err
		}
	}
	return nil
}

// errImportedBefore aborts the last step when the same import's key is already taken.
var errImportedBefore = errors.New("imported before")

// finishImport makes the proposal visible: members, files, activity and the import key in one
// transaction.
func (s *Store) finishImport(ctx context.Context, in ProposalImport) (string, error) {
	err := s.write(ctx, func(tx *gorm.DB) error {
		if in.Key != "" {
			res := tx.Exec(`INSERT INTO proposal_imports (user_id, import_key, proposal_id, created_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (user_id, import_key) DO NOTHING`, in.Proposal.CreatedBy, in.Key, in.Proposal.ID, time.Now().UTC())
			if res.Error != nil {
				return translate(res.Error, "import")
			}
			if res.RowsAffected == 0 {
				return errImportedBefore
			}
		}
		if err := importMembers(tx, in); err != nil {
			return err
		}
		if err := s.importAttachments(tx, in); err != nil {
			return err
		}
		return record(tx, in.Activity)
	})
	if errors.Is(err, errImportedBefore) {
		return s.ImportedProposal(ctx, in.Proposal.CreatedBy, in.Key)
	}
	return "", err
}

// ImportedProposal returns the proposal an earlier import by this user under this key made, or "" when
// there is none (or it has been deleted since).
func (s *Store) ImportedProposal(ctx context.Context, userID, key string) (string, error) {
	var ids []string
	err := s.db.WithContext(ctx).Raw("SELECT proposal_id FROM proposal_imports WHERE user_id = ? AND import_key = ?", userID, key).Scan(&ids).Error
	if err != nil || len(ids) == 0 {
		return "", translate(err, "import")
	}
	return ids[0], nil
}

// ForgetImport drops a remembered import, so that the same key imports afresh.
func (s *Store) ForgetImport(ctx context.Context, userID, key string) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		return translate(tx.Exec("DELETE FROM proposal_imports WHERE user_id = ? AND import_key = ?", userID, key).Error, "import")
	})
}

func importMembers(tx *gorm.DB, in ProposalImport) error {
	rows := make([]memberRow, len(in.Members))
	for i, m := range in.Members {
		rows[i] = memberRow{ProposalID: in.Proposal.ID, UserID: m.User.ID, Role: string(m.Role), AddedAt: m.AddedAt}
	}
	return createInBatches(tx, rows, "member")
}

func importSections(tx *gorm.DB, in ProposalImport) error {
	rows := make([]sectionRow, len(in.Sections))
	for i, sec := range in.Sections {
		body, err := json.Marshal(sec.Fields)
		if err != nil {
			return err
		}
		rows[i] = sectionRow{ProposalID: in.Proposal.ID, SectionKey: sec.Key, Version: sec.Version, Fields: string(body),
			UpdatedAt: sec.UpdatedAt, UpdatedBy: sql.NullString{String: sec.UpdatedBy, Valid: sec.UpdatedBy != ""}}
	}
	return createInBatches(tx, rows, "section")
}

func revisionRows(in ProposalImport) ([]revisionRow, error) {
	rows := make([]revisionRow, len(in.Revisions))
	for i, r := range in.Revisions {
		body, err := json.Marshal(r.Fields)
		if err != nil {
			return nil, err
		}
		rows[i] = revisionRow{ProposalID: in.Proposal.ID, SectionKey: r.SectionKey, Number: r.Number, Fields: string(body),
			CreatedAt: r.CreatedAt, CreatedBy: r.CreatedBy, ImportedAuthor: r.ImportedAuthor}
	}
	return rows, nil
}

// commentRows puts threads' first comments before replies, which point to them.
func commentRows(in ProposalImport) []commentRow {
	var rows []commentRow
	for _, replies := range []bool{false, true} {
		for _, c := range in.Comments {
			if (c.ParentID != "") != replies {
				continue
			}
			row := commentRow{ID: c.ID, ProposalID: in.Proposal.ID, SectionKey: c.SectionKey, FieldKey: c.FieldKey, Quote: c.Quote,
				QuoteLang: c.QuoteLang, QuoteStart: c.QuoteStart, Body: c.Body, AuthorID: c.Author.ID, ImportedAuthor: c.ImportedAuthor,
				ParentID: sql.NullString{String: c.ParentID, Valid: c.ParentID != ""}, Status: c.Status,
				ResolvedBy: sql.NullString{String: c.ResolvedBy, Valid: c.ResolvedBy != ""}, Deleted: c.Deleted, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
			if c.ResolvedAt != nil {
				row.ResolvedAt = sql.NullTime{Time: *c.ResolvedAt, Valid: true}
			}
			rows = append(rows, row)
		}
	}
	return rows
}

func importDocuments(tx *gorm.DB, in ProposalImport) error {
	rows := make([]documentRow, len(in.Documents))
	for i, d := range in.Documents {
		rows[i] = documentRow{ProposalID: in.Proposal.ID, Kind: d.Kind, Version: d.Version, Body: string(d.Body), UpdatedAt: d.UpdatedAt, UpdatedBy: d.UpdatedBy}
	}
	return createInBatches(tx, rows, "document")
}

// createInBatches inserts rows 200 at a time: few round trips, and well under every driver's limit on
// bound parameters.
func createInBatches[T any](tx *gorm.DB, rows []T, what string) error {
	if len(rows) == 0 {
		return nil
	}
	return translate(tx.CreateInBatches(&rows, 200).Error, what)
}
