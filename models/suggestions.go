package models

import (
	"context"
	"database/sql"
	"time"

	"gorm.io/gorm"

	"iduit/domain"
)

// suggestionRow is the suggestions table.
type suggestionRow struct {
	ID          string
	ProposalID  string
	SectionKey  string
	FieldKey    string
	Lang        string
	Quote       string
	QuoteStart  int
	Replacement string
	Comment     string
	AuthorID    string
	Status      string
	DecidedBy   sql.NullString
	DecidedAt   sql.NullTime
	Revision    sql.NullInt64
	CreatedAt   time.Time
}

func (suggestionRow) TableName() string { return "suggestions" }

// suggestionUserRow is a suggestion with its author, for listing in one query.
type suggestionUserRow struct {
	Suggestion suggestionRow `gorm:"embedded"`
	Email      string
	Name       string
}

func (r suggestionUserRow) toDomain() domain.Suggestion {
	g := r.Suggestion
	out := domain.Suggestion{
		ID: g.ID, ProposalID: g.ProposalID, SectionKey: g.SectionKey, FieldKey: g.FieldKey, Lang: g.Lang, Quote: g.Quote,
		QuoteStart: g.QuoteStart, Replacement: g.Replacement, Comment: g.Comment, Status: g.Status,
		Author: domain.User{ID: g.AuthorID, Email: r.Email, Name: r.Name}, DecidedBy: g.DecidedBy.String,
		Revision: int(g.Revision.Int64), CreatedAt: g.CreatedAt,
	}
	if g.DecidedAt.Valid {
		t := g.DecidedAt.Time
		out.DecidedAt = &t
	}
	return out
}

func suggestionQuery(db *gorm.DB) *gorm.DB {
	return db.Table("suggestions").Select("suggestions.*, users.email, users.name").
		Joins("JOIN users ON users.id = suggestions.author_id")
}

// Suggestions lists a proposal's suggestions, oldest first, with authors, in one query; an empty section
// or status does not filter.
func (s *Store) Suggestions(ctx context.Context, proposalID, section, status string) ([]domain.Suggestion, error) {
	q := suggestionQuery(s.db.WithContext(ctx)).Where("suggestions.proposal_id = ?", proposalID)
	if section != "" {
		q = q.Where("suggestions.section_key = ?", section)
	}
	if status != "" {
		q = q.Where("suggestions.status = ?", status)
	}
	var rows []suggestionUserRow
	if err := q.Order("suggestions.created_at, suggestions.id").Find(&rows).Error; err != nil {
		return nil, translate(err, "suggestion")
	}
	out := make([]domain.Suggestion, len(rows))
	for i, r := range rows {
		out[i] = r.toDomain()
	}
	return out, nil
}

// Suggestion returns one suggestion of a proposal.
func (s *Store) Suggestion(ctx context.Context, proposalID, id string) (domain.Suggestion, error) {
	var row suggestionUserRow
	err := suggestionQuery(s.db.WithContext(ctx)).Where("suggestions.proposal_id = ? AND suggestions.id = ?", proposalID, id).Take(&row).Error
	if err != nil {
		return domain.Suggestion{}, translate(err, "suggestion")
	}
	return row.toDomain(), nil
}

// CreateSuggestion stores a suggestion with its activity entry.
func (s *Store) CreateSuggestion(ctx context.Context, g domain.Suggestion, act *domain.Activity) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		row := suggestionRow{
			ID: g.ID, ProposalID: g.ProposalID, SectionKey: g.SectionKey, FieldKey: g.FieldKey, Lang: g.Lang, Quote: g.Quote,
			QuoteStart: g.QuoteStart, Replacement: g.Replacement, Comment: g.Comment, AuthorID: g.Author.ID,
			Status: g.Status, CreatedAt: g.CreatedAt,
		}
		if err := tx.Create(&row).Error; err != nil {
			return translate(err, "suggestion")
		}
		return record(tx, act)
	})
}

// SuggestionDecision closes an open suggestion: its new status, who decided and when, and whom to tell.
type SuggestionDecision struct {
	ProposalID   string
	SuggestionID string
	Status       string
	UserID       string
	Now          time.Time
	// Notify is the person to tell (the suggester), empty when they decided themselves.
	Notify           string
	NotificationKind string
}

// DecideSuggestion rejects or withdraws an open suggestion with its activity entry and notification.
func (s *Store) DecideSuggestion(ctx context.Context, d SuggestionDecision, act *domain.Activity) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		if err := decideSuggestion(tx, d, 0); err != nil {
			return err
		}
		return record(tx, act)
	})
}

// decideSuggestion closes a suggestion only if it is still open, so of two people deciding at once one
// wins and the other hears that it was decided meanwhile.
func decideSuggestion(tx *gorm.DB, d SuggestionDecision, revision int) error {
	values := map[string]any{"status": d.Status, "decided_by": d.UserID, "decided_at": d.Now}
	if revision > 0 {
		values["revision"] = revision
	}
	res := tx.Model(&suggestionRow{}).Where("proposal_id = ? AND id = ? AND status = ?", d.ProposalID, d.SuggestionID, domain.SuggestionOpen).Updates(values)
	if res.Error != nil {
		return translate(res.Error, "suggestion")
	}
	if res.RowsAffected == 0 {
		return domain.ErrSuggestionClosed()
	}
	if d.Notify == "" {
		return nil
	}
	n := notificationRow{
		ID: domain.NewID(), UserID: d.Notify, ProposalID: d.ProposalID, SuggestionID: sql.NullString{String: d.SuggestionID, Valid: true},
		Kind: d.NotificationKind, ActorID: d.UserID, CreatedAt: d.Now,
	}
	return translate(tx.Create(&n).Error, "notification")
}

// saveAcceptingSuggestion is a section save that applies a suggestion: the section, its revision, the
// activity entry, the suggestion's decision and the suggester's notification in one transaction. On
// PostgreSQL the proposal row is locked first, in the same order as the one-statement save, so the two
// kinds of save cannot deadlock.
func (s *Store) saveAcceptingSuggestion(ctx context.Context, in SectionSave, body string) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		if s.dialect == DialectPostgres {
			var id string
			if err := tx.Raw("SELECT id FROM proposals WHERE id = ? FOR UPDATE", in.ProposalID).Row().Scan(&id); err != nil {
				return translate(err, "proposal")
			}
		}
		if err := s.saveSectionInTx(tx, in, body); err != nil {
			return err
		}
		return decideSuggestion(tx, *in.Accepts, in.ExpectedVersion+1)
	})
}
