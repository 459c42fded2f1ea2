package models

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"iduit/domain"
)

// snapshotRow is the snapshots table: every section as it was at a status transition, as one JSON document.
type snapshotRow struct {
	ID         string
	ProposalID string
	Name       string
	Status     string
	Note       string
	Sections   string
	CreatedBy  string
	CreatedAt  time.Time
}

func (snapshotRow) TableName() string { return "snapshots" }

// snapshotSection is one section inside a snapshot's JSON.
type snapshotSection struct {
	Key     string        `json:"key"`
	Version int           `json:"version"`
	Fields  domain.Fields `json:"fields"`
}

// StatusChange moves a proposal from one status to another, guarded by the status the caller saw.
type StatusChange struct {
	ProposalID string
	From, To   string
	Snapshot   domain.Snapshot
	Activity   *domain.Activity
}

// ChangeStatus applies a transition, takes the snapshot of every section and records the activity, in
// one transaction. If the status is no longer From (someone else moved it), nothing changes: conflict.
func (s *Store) ChangeStatus(ctx context.Context, c StatusChange) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&proposalRow{}).Where("id = ? AND status = ?", c.ProposalID, c.From).
			Updates(map[string]any{"status": c.To, "updated_at": c.Snapshot.CreatedAt})
		if res.Error != nil {
			return translate(res.Error, "proposal")
		}
		if res.RowsAffected == 0 {
			return domain.Errorf(domain.KindConflict, "the proposal is no longer %s; reload it", c.From)
		}
		if err := insertSnapshot(tx, c.Snapshot); err != nil {
			return err
		}
		if err := notifyStatusChange(tx, c.ProposalID, c.To, c.Snapshot.CreatedBy, c.Snapshot.CreatedAt); err != nil {
			return err
		}
		return record(tx, c.Activity)
	})
}

// insertSnapshot copies the sections as they stand inside the transaction, after the status row is
// locked, so the snapshot holds exactly what the new status applies to.
func insertSnapshot(tx *gorm.DB, snap domain.Snapshot) error {
	var rows []sectionRow
	if err := tx.Where("proposal_id = ?", snap.ProposalID).Order("section_key").Find(&rows).Error; err != nil {
		return translate(err, "section")
	}
	sections := make([]snapshotSection, len(rows))
	for i, r := range rows {
		fields, err := decodeFields(r.Fields)
		if err != nil {
			return err
		}
		sections[i] = snapshotSection{Key: r.SectionKey, Version: r.Version, Fields: fields}
	}
	body, err := json.Marshal(sections)
	if err != nil {
		return err
	}
	row := snapshotRow{ID: snap.ID, ProposalID: snap.ProposalID, Name: snap.Name, Status: snap.Status, Note: snap.Note,
		Sections: string(body), CreatedBy: snap.CreatedBy, CreatedAt: snap.CreatedAt}
	return translate(tx.Create(&row).Error, "snapshot")
}

// Snapshots lists a proposal's snapshots, newest first, without their sections.
func (s *Store) Snapshots(ctx context.Context, proposalID string) ([]domain.Snapshot, error) {
	var rows []snapshotRow
	err := s.db.WithContext(ctx).Select("id, proposal_id, name, status, note, created_by, created_at").
		Where("proposal_id = ?", proposalID).Order("created_at DESC, id").Find(&rows).Error
	if err != nil {
		return nil, translate(err, "snapshot")
	}
	out := make([]domain.Snapshot, len(rows))
	for i, r := range rows {
		out[i] = domain.Snapshot{ID: r.ID, ProposalID: r.ProposalID, Name: r.Name, Status: r.Status, Note: r.Note, CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt}
	}
	return out, nil
}

// Snapshot returns one snapshot with every section it holds.
func (s *Store) Snapshot(ctx context.Context, proposalID, id string) (domain.Snapshot, error) {
	var r snapshotRow
	if err := s.db.WithContext(ctx).Where("proposal_id = ? AND id = ?", proposalID, id).Take(&r).Error; err != nil {
		return domain.Snapshot{}, translate(err, "snapshot")
	}
	var sections []snapshotSection
	if err := json.Unmarshal([]byte(r.Sections), &sections); err != nil {
		return domain.Snapshot{}, err
	}
	out := domain.Snapshot{ID: r.ID, ProposalID: r.ProposalID, Name: r.Name, Status: r.Status, Note: r.Note, CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt}
	for _, sec := range sections {
		out.Sections = append(out.Sections, domain.Section{ProposalID: r.ProposalID, Key: sec.Key, Version: sec.Version, Fields: sec.Fields})
	}
	return out, nil
}
