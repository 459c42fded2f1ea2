package models

import (
	"context"
	"database/sql"
	"encoding/json"

	"gorm.io/gorm"

	"iduit/domain"
)

// ProposalImport is a whole proposal to store at once, with people already resolved to accounts.
type ProposalImport struct {
	Proposal  domain.Proposal
	Members   []domain.Member
	Sections  []domain.Section
	Revisions []domain.Revision
	Comments  []domain.Comment
	Documents []domain.Document
	Activity  *domain.Activity
}

// ImportProposal stores everything in one transaction, in batches: an import either arrives whole or not
// at all.
func (s *Store) ImportProposal(ctx context.Context, in ProposalImport) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		row := proposalToRow(in.Proposal)
		if err := tx.Create(&row).Error; err != nil {
			return translate(err, "proposal")
		}
		steps := []func(*gorm.DB, ProposalImport) error{importMembers, importSections, importRevisions, importComments, importDocuments}
		for _, step := range steps {
			if err := step(tx, in); err != nil {
				return err
			}
		}
		return record(tx, in.Activity)
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

func importRevisions(tx *gorm.DB, in ProposalImport) error {
	rows := make([]revisionRow, len(in.Revisions))
	for i, r := range in.Revisions {
		body, err := json.Marshal(r.Fields)
		if err != nil {
			return err
		}
		rows[i] = revisionRow{ProposalID: in.Proposal.ID, SectionKey: r.SectionKey, Number: r.Number, Fields: string(body), CreatedAt: r.CreatedAt, CreatedBy: r.CreatedBy}
	}
	return createInBatches(tx, rows, "revision")
}

// importComments inserts threads' first comments before replies, which point to them.
func importComments(tx *gorm.DB, in ProposalImport) error {
	var rows []commentRow
	for _, replies := range []bool{false, true} {
		for _, c := range in.Comments {
			if (c.ParentID != "") != replies {
				continue
			}
			row := commentRow{ID: c.ID, ProposalID: in.Proposal.ID, SectionKey: c.SectionKey, FieldKey: c.FieldKey, Quote: c.Quote,
				QuoteLang: c.QuoteLang, QuoteStart: c.QuoteStart, Body: c.Body, AuthorID: c.Author.ID,
				ParentID: sql.NullString{String: c.ParentID, Valid: c.ParentID != ""}, Status: c.Status,
				ResolvedBy: sql.NullString{String: c.ResolvedBy, Valid: c.ResolvedBy != ""}, Deleted: c.Deleted, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
			if c.ResolvedAt != nil {
				row.ResolvedAt = sql.NullTime{Time: *c.ResolvedAt, Valid: true}
			}
			rows = append(rows, row)
		}
	}
	return createInBatches(tx, rows, "comment")
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
