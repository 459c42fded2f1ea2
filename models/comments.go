package models

import (
	"context"
	"database/sql"
	"time"

	"gorm.io/gorm"

	"iduit/domain"
)

// commentRow is the comments table. Replies carry their thread's status so that a filter by status is one
// WHERE clause, and resolving a thread updates all of it at once.
type commentRow struct {
	ID         string
	ProposalID string
	SectionKey string
	FieldKey   string
	Quote      string
	QuoteLang  string
	QuoteStart int
	Body       string
	AuthorID   string
	ParentID   sql.NullString
	Status     string
	ResolvedBy sql.NullString
	ResolvedAt sql.NullTime
	Deleted    bool
	CreatedAt  time.Time
	UpdatedAt  time.Time
	// ImportedAuthor is the text name of an imported comment's author (see migration 0006).
	ImportedAuthor string
}

func (commentRow) TableName() string { return "comments" }

// commentUserRow is a comment with its author and the author's role, for listing in one query.
type commentUserRow struct {
	Comment commentRow `gorm:"embedded"`
	Email   string
	Name    string
	Role    string
}

func (r commentUserRow) toDomain() domain.Comment {
	c := r.Comment
	out := domain.Comment{
		ID: c.ID, ProposalID: c.ProposalID, SectionKey: c.SectionKey, FieldKey: c.FieldKey, Quote: c.Quote,
		QuoteLang: c.QuoteLang, QuoteStart: c.QuoteStart, Body: c.Body, ParentID: c.ParentID.String,
		Status: c.Status, ResolvedBy: c.ResolvedBy.String, Deleted: c.Deleted, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt,
		Author: domain.User{ID: c.AuthorID, Email: r.Email, Name: r.Name}, AuthorRole: domain.Role(r.Role), ImportedAuthor: c.ImportedAuthor,
	}
	if c.ResolvedAt.Valid {
		t := c.ResolvedAt.Time
		out.ResolvedAt = &t
	}
	return out
}

// CommentFilter narrows a comment list; empty values do not filter.
type CommentFilter struct {
	Section string
	Status  string
}

func (s *Store) commentQuery(db *gorm.DB) *gorm.DB {
	return db.Table("comments").
		Select("comments.*, users.email, users.name, COALESCE(members.role, '') AS role").
		Joins("JOIN users ON users.id = comments.author_id").
		Joins("LEFT JOIN members ON members.proposal_id = comments.proposal_id AND members.user_id = comments.author_id")
}

// Comments lists a proposal's comments, oldest first, with authors: one query whatever their number.
func (s *Store) Comments(ctx context.Context, proposalID string, f CommentFilter) ([]domain.Comment, error) {
	q := s.commentQuery(s.db.WithContext(ctx)).Where("comments.proposal_id = ?", proposalID)
	if f.Section != "" {
		q = q.Where("comments.section_key = ?", f.Section)
	}
	if f.Status != "" {
		q = q.Where("comments.status = ?", f.Status)
	}
	var rows []commentUserRow
	if err := q.Order("comments.created_at, comments.id").Find(&rows).Error; err != nil {
		return nil, translate(err, "comment")
	}
	out := make([]domain.Comment, len(rows))
	for i, r := range rows {
		out[i] = r.toDomain()
	}
	return out, nil
}

// Comment returns one comment of a proposal.
func (s *Store) Comment(ctx context.Context, proposalID, id string) (domain.Comment, error) {
	var row commentUserRow
	err := s.commentQuery(s.db.WithContext(ctx)).Where("comments.proposal_id = ? AND comments.id = ?", proposalID, id).Take(&row).Error
	if err != nil {
		return domain.Comment{}, translate(err, "comment")
	}
	return row.toDomain(), nil
}

// CreateComment stores a comment, a notification for each mentioned member and the activity entry.
func (s *Store) CreateComment(ctx context.Context, c domain.Comment, mentioned []string, act *domain.Activity) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		row := commentRow{
			ID: c.ID, ProposalID: c.ProposalID, SectionKey: c.SectionKey, FieldKey: c.FieldKey, Quote: c.Quote,
			QuoteLang: c.QuoteLang, QuoteStart: c.QuoteStart, Body: c.Body, AuthorID: c.Author.ID,
			ParentID: sql.NullString{String: c.ParentID, Valid: c.ParentID != ""}, Status: c.Status,
			CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt,
		}
		if err := tx.Create(&row).Error; err != nil {
			return translate(err, "comment")
		}
		if err := createMentions(tx, c, mentioned); err != nil {
			return err
		}
		if err := notifyReply(tx, c, mentioned); err != nil {
			return err
		}
		return record(tx, act)
	})
}

// UpdateCommentBody replaces a comment's text.
func (s *Store) UpdateCommentBody(ctx context.Context, proposalID, id, body string, now time.Time, act *domain.Activity) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&commentRow{}).Where("proposal_id = ? AND id = ? AND deleted = ?", proposalID, id, false).
			Updates(map[string]any{"body": body, "updated_at": now})
		if err := affectedOne(res, "comment"); err != nil {
			return err
		}
		return record(tx, act)
	})
}

// DeleteComment removes a comment. A comment that has replies is blanked instead, so the thread it
// started is not lost with it.
func (s *Store) DeleteComment(ctx context.Context, proposalID, id string, now time.Time, act *domain.Activity) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		var replies int64
		if err := tx.Model(&commentRow{}).Where("parent_id = ?", id).Count(&replies).Error; err != nil {
			return translate(err, "comment")
		}
		q := tx.Model(&commentRow{}).Where("proposal_id = ? AND id = ?", proposalID, id)
		var res *gorm.DB
		if replies > 0 {
			res = q.Updates(map[string]any{"body": "", "deleted": true, "updated_at": now})
		} else {
			res = q.Delete(&commentRow{})
		}
		if err := affectedOne(res, "comment"); err != nil {
			return err
		}
		return record(tx, act)
	})
}

// SetThreadStatus resolves or reopens a whole thread: its first comment and every reply.
func (s *Store) SetThreadStatus(ctx context.Context, proposalID, rootID, status, userID string, now time.Time, act *domain.Activity) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		values := map[string]any{"status": status, "resolved_by": nil, "resolved_at": nil}
		if status == domain.CommentResolved {
			values["resolved_by"], values["resolved_at"] = userID, now
		}
		res := tx.Model(&commentRow{}).Where("proposal_id = ? AND (id = ? OR parent_id = ?)", proposalID, rootID, rootID).Updates(values)
		if err := affectedOne(res, "comment"); err != nil {
			return err
		}
		return record(tx, act)
	})
}
