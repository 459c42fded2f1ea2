package models

import (
	"context"
	"database/sql"
	"time"

	"gorm.io/gorm"

	"iduit/domain"
)

// notificationRow is the notifications table.
type notificationRow struct {
	ID         string
	UserID     string
	ProposalID string
	CommentID  sql.NullString
	// SuggestionID is set on notifications about a suggestion (migration 0009).
	SuggestionID sql.NullString
	Kind         string
	ActorID      string
	CreatedAt    time.Time
	ReadAt       sql.NullTime
	MailedAt     sql.NullTime
	Detail       string
}

func (notificationRow) TableName() string { return "notifications" }

func createMentions(tx *gorm.DB, c domain.Comment, userIDs []string) error {
	if len(userIDs) == 0 {
		return nil
	}
	rows := make([]notificationRow, len(userIDs))
	for i, uid := range userIDs {
		rows[i] = notificationRow{
			ID: domain.NewID(), UserID: uid, ProposalID: c.ProposalID, CommentID: sql.NullString{String: c.ID, Valid: true},
			Kind: domain.NotificationMention, ActorID: c.Author.ID, CreatedAt: c.CreatedAt,
		}
	}
	return translate(tx.Create(&rows).Error, "notification")
}

// notificationUserRow is a notification with the person who caused it.
type notificationUserRow struct {
	Notification notificationRow `gorm:"embedded"`
	Email        string
	Name         string
	SectionKey   sql.NullString
	FieldKey     sql.NullString
}

// Notifications lists a user's notifications, newest first, optionally only the unread ones.
func (s *Store) Notifications(ctx context.Context, userID string, unreadOnly bool, page domain.Page) ([]domain.Notification, int64, error) {
	q := s.db.WithContext(ctx).Table("notifications").Where("notifications.user_id = ?", userID)
	if unreadOnly {
		q = q.Where("notifications.read_at IS NULL")
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, translate(err, "notification")
	}
	out, err := s.notificationsOf(q.Order("notifications.created_at DESC, notifications.id").Limit(page.Limit).Offset(page.Offset))
	return out, total, err
}

// notificationsOf reads the notifications q selects, with who caused each and where its comment is.
func (s *Store) notificationsOf(q *gorm.DB) ([]domain.Notification, error) {
	var rows []notificationUserRow
	err := q.Select("notifications.*, users.email, users.name, comments.section_key, comments.field_key").
		Joins("JOIN users ON users.id = notifications.actor_id").
		Joins("LEFT JOIN comments ON comments.id = notifications.comment_id").Find(&rows).Error
	if err != nil {
		return nil, translate(err, "notification")
	}
	out := make([]domain.Notification, len(rows))
	for i, r := range rows {
		n := r.Notification
		out[i] = domain.Notification{ID: n.ID, UserID: n.UserID, ProposalID: n.ProposalID, CommentID: n.CommentID.String, SuggestionID: n.SuggestionID.String,
			Kind: n.Kind, Actor: domain.User{ID: n.ActorID, Email: r.Email, Name: r.Name}, CreatedAt: n.CreatedAt,
			Detail: n.Detail, SectionKey: r.SectionKey.String, FieldKey: r.FieldKey.String}
		if n.ReadAt.Valid {
			t := n.ReadAt.Time
			out[i].ReadAt = &t
		}
	}
	return out, nil
}

// UnreadNotifications counts a user's unread notifications: one COUNT for the badge in the page header.
func (s *Store) UnreadNotifications(ctx context.Context, userID string) (int64, error) {
	var n int64
	err := s.db.WithContext(ctx).Table("notifications").Where("user_id = ? AND read_at IS NULL", userID).Count(&n).Error
	return n, translate(err, "notification")
}

// MarkAllNotificationsRead marks every unread notification of the user read.
func (s *Store) MarkAllNotificationsRead(ctx context.Context, userID string, now time.Time) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		return translate(tx.Table("notifications").Where("user_id = ? AND read_at IS NULL", userID).Update("read_at", now).Error, "notification")
	})
}

// MarkNotificationRead marks one of the user's notifications read; marking it again changes nothing.
func (s *Store) MarkNotificationRead(ctx context.Context, userID, id string, now time.Time) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		var row notificationRow
		if err := tx.Where("id = ? AND user_id = ?", id, userID).Take(&row).Error; err != nil {
			return translate(err, "notification")
		}
		if row.ReadAt.Valid {
			return nil
		}
		return translate(tx.Model(&row).Where("id = ?", id).Update("read_at", now).Error, "notification")
	})
}
