package models

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"iduit/domain"
)

// sectionRow is the sections table: the current draft of each section, with the version that guards it.
type sectionRow struct {
	ProposalID string
	SectionKey string
	Version    int
	Fields     string
	UpdatedAt  time.Time
	UpdatedBy  sql.NullString
}

func (sectionRow) TableName() string { return "sections" }

func (r sectionRow) toDomain() (domain.Section, error) {
	fields, err := decodeFields(r.Fields)
	return domain.Section{
		ProposalID: r.ProposalID, Key: r.SectionKey, Version: r.Version, Fields: fields,
		UpdatedAt: r.UpdatedAt, UpdatedBy: r.UpdatedBy.String,
	}, err
}

// revisionRow is the revisions table: one immutable row per successful save.
type revisionRow struct {
	ProposalID string
	SectionKey string
	Number     int
	Fields     string
	CreatedAt  time.Time
	CreatedBy  string
	// ImportedAuthor is the text name of an imported revision's author (see migration 0006).
	ImportedAuthor string
}

func (revisionRow) TableName() string { return "revisions" }

func decodeFields(s string) (domain.Fields, error) {
	fields := domain.Fields{}
	if s == "" {
		return fields, nil
	}
	if err := json.Unmarshal([]byte(s), &fields); err != nil {
		return nil, fmt.Errorf("stored fields are not JSON: %w", err)
	}
	return fields, nil
}

// Sections returns every section of a proposal in one query; the caller orders them by the template.
func (s *Store) Sections(ctx context.Context, proposalID string) ([]domain.Section, error) {
	var rows []sectionRow
	if err := s.db.WithContext(ctx).Where("proposal_id = ?", proposalID).Find(&rows).Error; err != nil {
		return nil, translate(err, "section")
	}
	out := make([]domain.Section, len(rows))
	for i, r := range rows {
		sec, err := r.toDomain()
		if err != nil {
			return nil, err
		}
		out[i] = sec
	}
	return out, nil
}

// Section returns the current draft of one section.
func (s *Store) Section(ctx context.Context, proposalID, key string) (domain.Section, error) {
	return sectionIn(s.db.WithContext(ctx), proposalID, key)
}

func sectionIn(db *gorm.DB, proposalID, key string) (domain.Section, error) {
	var row sectionRow
	if err := db.Where("proposal_id = ? AND section_key = ?", proposalID, key).Take(&row).Error; err != nil {
		return domain.Section{}, translate(err, "section")
	}
	return row.toDomain()
}

// SectionSave is one request to replace a section's fields, made against the version the writer last saw.
type SectionSave struct {
	ProposalID      string
	Key             string
	ExpectedVersion int
	Fields          domain.Fields
	UserID          string
	Now             time.Time
	Activity        *domain.Activity
	// Accepts is the suggestion this save applies, decided in the same transaction; nil for other saves.
	Accepts *SuggestionDecision
}

// continuesBurst tells whether this plain save (not a restore) adds to the editing burst of the previous
// save, so that it writes no activity entry of its own.
func (in SectionSave) continuesBurst(prevBy string, prevAt time.Time) bool {
	return in.Activity != nil && in.Activity.Kind == domain.ActivitySectionSaved && domain.ContinuesBurst(in.UserID, in.Now, prevBy, prevAt)
}

// SaveSection replaces a section's fields only if it is still at the expected version, and writes the
// revision in the same transaction, the way the store's engine does best (see sectionSaver). The version check is part of the UPDATE itself, so of two writers
// holding the same version exactly one succeeds on either database; the other gets KindPreconditionFailed
// with the current version.
func (s *Store) SaveSection(ctx context.Context, in SectionSave) (domain.Section, error) {
	body, err := json.Marshal(in.Fields)
	if err != nil {
		return domain.Section{}, err
	}
	if in.Accepts != nil { // accepting a suggestion decides it in the same transaction as the save
		if err := s.saveAcceptingSuggestion(ctx, in, string(body)); err != nil {
			return domain.Section{}, err
		}
	} else if err := s.saver.saveSection(ctx, in, string(body)); err != nil {
		return domain.Section{}, err
	}
	return domain.Section{ProposalID: in.ProposalID, Key: in.Key, Version: in.ExpectedVersion + 1, Fields: in.Fields, UpdatedAt: in.Now, UpdatedBy: in.UserID}, nil
}

// The transaction save's statements, run through the SQLite writer's prepared statements (see prepared),
// or through GORM on PostgreSQL.
const (
	selectSectionForSave = `SELECT version, updated_by, updated_at FROM sections WHERE proposal_id = ? AND section_key = ?`
	updateSection        = `UPDATE sections SET version = ?, fields = ?, updated_at = ?, updated_by = ? WHERE proposal_id = ? AND section_key = ? AND version = ?`
	insertRevision       = `INSERT INTO revisions (proposal_id, section_key, number, fields, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)`
	touchOpenProposal    = `UPDATE proposals SET updated_at = ? WHERE id = ? AND status <> ?`
)

// saveSectionInTx is a save inside a transaction: the SQLite writer's, or on PostgreSQL an ordinary one
// for a save that logs no activity. It reads the section first: a
// stale version is refused before anything is written, and the previous save says whether this one
// continues someone's editing burst (no new activity entry).
func (s *Store) saveSectionInTx(tx *gorm.DB, in SectionSave, body string) error {
	var (
		version int
		prevBy  sql.NullString
		prevAt  time.Time
	)
	err := s.stmts.queryRow(tx, selectSectionForSave, []any{in.ProposalID, in.Key}, &version, &prevBy, &prevAt)
	if errors.Is(err, sql.ErrNoRows) {
		err = gorm.ErrRecordNotFound
	}
	if err != nil {
		return translate(err, "section")
	}
	if version != in.ExpectedVersion {
		return domain.ErrStaleVersion("section", version, in.ExpectedVersion)
	}
	next := in.ExpectedVersion + 1
	n, err := s.stmts.exec(tx, updateSection, next, body, in.Now, in.UserID, in.ProposalID, in.Key, in.ExpectedVersion)
	if err != nil {
		return translate(err, "section")
	}
	if n == 0 {
		return staleVersion(tx, in)
	}
	if _, err := s.stmts.exec(tx, insertRevision, in.ProposalID, in.Key, next, body, in.Now, in.UserID); err != nil {
		return translate(err, "revision")
	}
	if n, err := s.stmts.exec(tx, touchOpenProposal, in.Now, in.ProposalID, domain.StatusFinal); err != nil || n == 0 {
		if err != nil {
			return translate(err, "proposal")
		}
		return domain.ErrProposalFinal()
	}
	if in.continuesBurst(prevBy.String, prevAt) || in.Activity == nil {
		return nil
	}
	_, err = s.stmts.exec(tx, insertActivity, in.Activity.ProposalID, in.Activity.Actor.ID, in.Activity.Kind, in.Activity.Subject, in.Activity.Detail, in.Activity.CreatedAt)
	return translate(err, "activity")
}

// staleVersion explains a save that matched no row: either the section does not exist or someone else
// saved first.
func staleVersion(tx *gorm.DB, in SectionSave) error {
	current, err := sectionIn(tx, in.ProposalID, in.Key)
	if err != nil {
		return err
	}
	return domain.ErrStaleVersion("section", current.Version, in.ExpectedVersion)
}

// Revisions lists a section's revisions, newest first, without their fields (a history list stays small).
func (s *Store) Revisions(ctx context.Context, proposalID, key string, page domain.Page) ([]domain.Revision, int64, error) {
	q := s.db.WithContext(ctx).Model(&revisionRow{}).Where("proposal_id = ? AND section_key = ?", proposalID, key)
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, translate(err, "revision")
	}
	var rows []revisionRow
	err := q.Select("proposal_id, section_key, number, created_at, created_by").
		Order("number DESC").Limit(page.Limit).Offset(page.Offset).Find(&rows).Error
	if err != nil {
		return nil, 0, translate(err, "revision")
	}
	out := make([]domain.Revision, len(rows))
	for i, r := range rows {
		out[i] = domain.Revision{ProposalID: r.ProposalID, SectionKey: r.SectionKey, Number: r.Number, CreatedAt: r.CreatedAt, CreatedBy: r.CreatedBy}
	}
	return out, total, nil
}

// Revision returns one revision with its fields.
func (s *Store) Revision(ctx context.Context, proposalID, key string, number int) (domain.Revision, error) {
	var row revisionRow
	err := s.db.WithContext(ctx).Where("proposal_id = ? AND section_key = ? AND number = ?", proposalID, key, number).Take(&row).Error
	if err != nil {
		return domain.Revision{}, translate(err, "revision")
	}
	fields, err := decodeFields(row.Fields)
	return domain.Revision{ProposalID: row.ProposalID, SectionKey: row.SectionKey, Number: row.Number, Fields: fields, CreatedAt: row.CreatedAt, CreatedBy: row.CreatedBy}, err
}

// touchUnlessFinal marks the proposal changed, and fails the transaction if it has been made final in the
// meantime. On PostgreSQL the UPDATE waits for a concurrent status change holding the row and then sees
// its outcome, so no save is acknowledged on a proposal that became final first.
func touchUnlessFinal(tx *gorm.DB, proposalID string, now time.Time) error {
	res := tx.Model(&proposalRow{}).Where("id = ? AND status <> ?", proposalID, domain.StatusFinal).Update("updated_at", now)
	if res.Error != nil {
		return translate(res.Error, "proposal")
	}
	if res.RowsAffected == 0 {
		return domain.ErrProposalFinal()
	}
	return nil
}

// AllRevisions returns every revision of every section of a proposal, with fields, in one query: the
// export needs the whole history.
func (s *Store) AllRevisions(ctx context.Context, proposalID string) ([]domain.Revision, error) {
	var rows []revisionRow
	if err := s.db.WithContext(ctx).Where("proposal_id = ?", proposalID).Order("section_key, number").Find(&rows).Error; err != nil {
		return nil, translate(err, "revision")
	}
	out := make([]domain.Revision, len(rows))
	for i, r := range rows {
		fields, err := decodeFields(r.Fields)
		if err != nil {
			return nil, err
		}
		out[i] = domain.Revision{ProposalID: r.ProposalID, SectionKey: r.SectionKey, Number: r.Number, Fields: fields, CreatedAt: r.CreatedAt,
			CreatedBy: r.CreatedBy, ImportedAuthor: r.ImportedAuthor}
	}
	return out, nil
}

// SectionForMember loads a section together with its proposal and the member's role in one query: the
// hottest read (autosave clients poll it) costs one round trip after authentication instead of two.
// A non-member or a missing section is not found.
func (s *Store) SectionForMember(ctx context.Context, proposalID, userID, key string) (domain.Proposal, domain.Section, error) {
	var row struct {
		Proposal proposalRow `gorm:"embedded"`
		Role     string
		Section  sectionRow `gorm:"embedded;embeddedPrefix:s_"`
	}
	err := s.db.WithContext(ctx).Table("proposals").
		Select(`proposals.*, members.role, sections.proposal_id AS s_proposal_id, sections.section_key AS s_section_key,
			sections.version AS s_version, sections.fields AS s_fields, sections.updated_at AS s_updated_at, sections.updated_by AS s_updated_by`).
		Joins("JOIN members ON members.proposal_id = proposals.id AND members.user_id = ?", userID).
		Joins("JOIN sections ON sections.proposal_id = proposals.id AND sections.section_key = ?", key).
		Where("proposals.id = ?", proposalID).
		Take(&row).Error
	if err != nil {
		return domain.Proposal{}, domain.Section{}, translate(err, "section")
	}
	sec, err := row.Section.toDomain()
	return row.Proposal.toDomain(domain.Role(row.Role)), sec, err
}

// SectionsOfProposals returns the sections of many proposals in one query (IN), keyed by proposal: a
// list of proposals with their progress costs two queries, not one per row.
func (s *Store) SectionsOfProposals(ctx context.Context, ids []string) (map[string][]domain.Section, error) {
	out := make(map[string][]domain.Section, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	var rows []sectionRow
	if err := s.db.WithContext(ctx).Where("proposal_id IN ?", ids).Find(&rows).Error; err != nil {
		return nil, translate(err, "section")
	}
	for _, r := range rows {
		sec, err := r.toDomain()
		if err != nil {
			return nil, err
		}
		out[r.ProposalID] = append(out[r.ProposalID], sec)
	}
	return out, nil
}
