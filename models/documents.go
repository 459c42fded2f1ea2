package models

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"gorm.io/gorm"

	"iduit/domain"
)

// documentRow is the proposal_documents table: one JSON document per proposal and kind.
type documentRow struct {
	ProposalID string
	Kind       string
	Version    int
	Body       string
	UpdatedAt  time.Time
	UpdatedBy  string
}

func (documentRow) TableName() string { return "proposal_documents" }

// Document kinds.
const (
	DocumentBudget        = "budget"
	DocumentIndicators    = "indicators"
	DocumentInterventions = "interventions"
	DocumentPriorities    = "priorities"
	DocumentSettings      = "settings"
	DocumentCCMProcess    = "ccm_process"
)

// Document returns a proposal's document of one kind; one never saved is version 0 with no body.
func (s *Store) Document(ctx context.Context, proposalID, kind string) (domain.Document, error) {
	return documentIn(s.db.WithContext(ctx), proposalID, kind)
}

// Documents returns every saved document of a proposal in one query, ordered by kind; an export reads
// them all whatever the number of kinds.
func (s *Store) Documents(ctx context.Context, proposalID string) ([]domain.Document, error) {
	var rows []documentRow
	if err := s.db.WithContext(ctx).Where("proposal_id = ?", proposalID).Order("kind").Find(&rows).Error; err != nil {
		return nil, translate(err, "documents")
	}
	out := make([]domain.Document, len(rows))
	for i, row := range rows {
		out[i] = domain.Document{Kind: row.Kind, Version: row.Version, Body: json.RawMessage(row.Body), UpdatedAt: row.UpdatedAt, UpdatedBy: row.UpdatedBy}
	}
	return out, nil
}

func documentIn(db *gorm.DB, proposalID, kind string) (domain.Document, error) {
	var row documentRow
	err := db.Where("proposal_id = ? AND kind = ?", proposalID, kind).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return domain.Document{Kind: kind}, nil
	}
	if err != nil {
		return domain.Document{}, translate(err, kind)
	}
	return domain.Document{Kind: kind, Version: row.Version, Body: json.RawMessage(row.Body), UpdatedAt: row.UpdatedAt, UpdatedBy: row.UpdatedBy}, nil
}

// DocumentSave replaces a document, guarded by the version the writer last saw.
type DocumentSave struct {
	ProposalID      string
	Kind            string
	ExpectedVersion int
	Body            json.RawMessage
	UserID          string
	Now             time.Time
	Activity        *domain.Activity
}

// SaveDocument writes a new version of a document if it is still at the expected version. The first
// save inserts the row, so two first saves race on the primary key and one of them gets the conflict.
func (s *Store) SaveDocument(ctx context.Context, in DocumentSave) (domain.Document, error) {
	next := in.ExpectedVersion + 1
	err := s.write(ctx, func(tx *gorm.DB) error {
		var res *gorm.DB
		if in.ExpectedVersion == 0 {
			row := documentRow{ProposalID: in.ProposalID, Kind: in.Kind, Version: 1, Body: string(in.Body), UpdatedAt: in.Now, UpdatedBy: in.UserID}
			res = tx.Create(&row)
			if isUniqueViolation(res.Error) {
				return s.staleDocument(tx, in)
			}
		} else {
			res = tx.Model(&documentRow{}).Where("proposal_id = ? AND kind = ? AND version = ?", in.ProposalID, in.Kind, in.ExpectedVersion).
				Updates(map[string]any{"version": next, "body": string(in.Body), "updated_at": in.Now, "updated_by": in.UserID})
		}
		if res.Error != nil {
			return translate(res.Error, in.Kind)
		}
		if res.RowsAffected == 0 {
			return s.staleDocument(tx, in)
		}
		if err := touchUnlessFinal(tx, in.ProposalID, in.Now); err != nil {
			return err
		}
		return record(tx, in.Activity)
	})
	return domain.Document{Kind: in.Kind, Version: next, Body: in.Body, UpdatedAt: in.Now, UpdatedBy: in.UserID}, err
}

// staleDocument explains a save that lost. It reads inside the transaction on SQLite, where a winner in
// the same commit batch is not yet visible outside it, and outside on PostgreSQL, where a failed
// statement has aborted the transaction.
func (s *Store) staleDocument(tx *gorm.DB, in DocumentSave) error {
	db := tx
	if s.dialect == DialectPostgres {
		db = s.db
	}
	current, err := documentIn(db, in.ProposalID, in.Kind)
	if err != nil {
		return err
	}
	return domain.ErrStaleVersion(in.Kind, current.Version, in.ExpectedVersion)
}
