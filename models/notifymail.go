package models

import (
	"context"
	"database/sql"
	"slices"
	"time"

	"gorm.io/gorm"

	"iduit/domain"
)

// notifyReply tells everyone who wrote in a thread (and is still a member) that someone replied in it,
// except the replier and those the reply mentions, who are told of the mention already.
func notifyReply(tx *gorm.DB, c domain.Comment, mentioned []string) error {
	if c.ParentID == "" {
		return nil
	}
	var writers []string
	err := tx.Raw(`SELECT DISTINCT author_id FROM comments
		WHERE proposal_id = ? AND (id = ? OR parent_id = ?) AND author_id <> ? AND deleted = ?
		AND author_id IN (SELECT user_id FROM members WHERE proposal_id = ?)`,
		c.ProposalID, c.ParentID, c.ParentID, c.Author.ID, false, c.ProposalID).Scan(&writers).Error
	if err != nil {
		return translate(err, "notification")
	}
	writers = slices.DeleteFunc(writers, func(id string) bool { return slices.Contains(mentioned, id) })
	return insertNotifications(tx, writers, notificationRow{ProposalID: c.ProposalID,
		CommentID: sql.NullString{String: c.ID, Valid: true}, Kind: domain.NotificationReply, ActorID: c.Author.ID, CreatedAt: c.CreatedAt})
}

// notifyStatusChange tells every member but the one who changed it that a proposal has a new status.
func notifyStatusChange(tx *gorm.DB, proposalID, status, actorID string, at time.Time) error {
	var members []string
	err := tx.Raw(`SELECT user_id FROM members WHERE proposal_id = ? AND user_id <> ? ORDER BY user_id`, proposalID, actorID).Scan(&members).Error
	if err != nil {
		return translate(err, "notification")
	}
	return insertNotifications(tx, members, notificationRow{ProposalID: proposalID, Kind: domain.NotificationStatus,
		ActorID: actorID, CreatedAt: at, Detail: status})
}

// insertNotifications writes one notification like proto for each user.
func insertNotifications(tx *gorm.DB, userIDs []string, proto notificationRow) error {
	if len(userIDs) == 0 {
		return nil
	}
	rows := make([]notificationRow, len(userIDs))
	for i, uid := range userIDs {
		rows[i] = proto
		rows[i].ID, rows[i].UserID = domain.NewID(), uid
	}
	return translate(tx.Create(&rows).Error, "notification")
}

// NotificationSettings returns a person's choices for notification mail.
func (s *Store) NotificationSettings(ctx context.Context, userID string) (domain.NotificationSettings, error) {
	var row struct{ MailFrequency, Lang string }
	err := s.db.WithContext(ctx).Table("users").Select("mail_frequency, lang").Where("id = ?", userID).Take(&row).Error
	if err != nil {
		return domain.NotificationSettings{}, translate(err, "user")
	}
	return domain.NotificationSettings{Mail: row.MailFrequency, Lang: row.Lang}, nil
}

// SetNotificationSettings stores a person's choices; an empty field is left as it is.
func (s *Store) SetNotificationSettings(ctx context.Context, userID string, set domain.NotificationSettings) error {
	values := map[string]any{}
	if set.Mail != "" {
		values["mail_frequency"] = set.Mail
	}
	if set.Lang != "" {
		values["lang"] = set.Lang
	}
	if len(values) == 0 {
		return nil
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		return affectedOne(tx.Table("users").Where("id = ?", userID).Updates(values), "user")
	})
}

// Unsubscribe turns notification mail off for the person whose unsubscribe token this is.
func (s *Store) Unsubscribe(ctx context.Context, token string) error {
	if token == "" {
		return domain.Errorf(domain.KindNotFound, "unsubscribe link not found")
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		res := tx.Table("users").Where("unsubscribe_token = ?", token).Update("mail_frequency", domain.MailOff)
		if res.Error == nil && res.RowsAffected == 0 {
			return domain.Errorf(domain.KindNotFound, "unsubscribe link not found")
		}
		return translate(res.Error, "user")
	})
}

// UnsubscribeToken returns the person's unsubscribe token, making one (from fresh) the first time.
func (s *Store) UnsubscribeToken(ctx context.Context, userID, fresh string) (string, error) {
	var token string
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Table("users").Where("id = ? AND unsubscribe_token IS NULL", userID).Update("unsubscribe_token", fresh).Error; err != nil {
			return translate(err, "user")
		}
		return translate(tx.Table("users").Select("unsubscribe_token").Where("id = ?", userID).Take(&token).Error, "user")
	})
	return token, err
}

// MailRecipient is a person with notifications due to be mailed, with what the mail needs of them.
type MailRecipient struct {
	User domain.User
	// ProposalID is the proposal the mail is about; empty for a daily digest of every proposal.
	ProposalID string
	Lang       string
	Token      string
}

// DueNotificationMail finds whom to mail now. A person mailed for each event is due per proposal once
// their oldest unmailed notification there is at least gather old (so that a burst goes out as one mail)
// and they were not mailed about that proposal in the last spacing; a person on the daily digest is due
// once a day. Notifications read on the site before their mail is due are not mailed.
func (s *Store) DueNotificationMail(ctx context.Context, now time.Time, gather, spacing time.Duration) ([]MailRecipient, error) {
	type dueRow struct {
		ID, Email, Name, Lang, ProposalID string
		UnsubscribeToken                  sql.NullString
	}
	var each, daily []dueRow
	db := s.db.WithContext(ctx)
	err := db.Raw(`SELECT u.id, u.email, u.name, u.lang, u.unsubscribe_token, n.proposal_id FROM notifications n
		JOIN users u ON u.id = n.user_id
		WHERE n.mailed_at IS NULL AND n.read_at IS NULL AND u.mail_frequency = ?
		AND NOT EXISTS (SELECT 1 FROM notifications m WHERE m.user_id = n.user_id AND m.proposal_id = n.proposal_id AND m.mailed_at > ?)
		GROUP BY u.id, u.email, u.name, u.lang, u.unsubscribe_token, n.proposal_id
		HAVING MIN(n.created_at) <= ?
		ORDER BY u.id, n.proposal_id`, domain.MailEach, now.Add(-spacing), now.Add(-gather)).Scan(&each).Error
	if err != nil {
		return nil, translate(err, "notification")
	}
	err = db.Raw(`SELECT u.id, u.email, u.name, u.lang, u.unsubscribe_token, '' AS proposal_id FROM notifications n
		JOIN users u ON u.id = n.user_id
		WHERE n.mailed_at IS NULL AND n.read_at IS NULL AND u.mail_frequency = ?
		AND NOT EXISTS (SELECT 1 FROM notifications m WHERE m.user_id = n.user_id AND m.mailed_at > ?)
		GROUP BY u.id, u.email, u.name, u.lang, u.unsubscribe_token
		HAVING MIN(n.created_at) <= ?
		ORDER BY u.id`, domain.MailDaily, now.Add(-24*time.Hour), now).Scan(&daily).Error
	if err != nil {
		return nil, translate(err, "notification")
	}
	out := make([]MailRecipient, 0, len(each)+len(daily))
	for _, r := range append(each, daily...) {
		out = append(out, MailRecipient{User: domain.User{ID: r.ID, Email: r.Email, Name: r.Name}, ProposalID: r.ProposalID,
			Lang: r.Lang, Token: r.UnsubscribeToken.String})
	}
	return out, nil
}

// UnmailedNotifications lists a person's notifications not yet mailed nor read, oldest first, on one
// proposal or (proposalID empty) on all, with where each comment is.
func (s *Store) UnmailedNotifications(ctx context.Context, userID, proposalID string) ([]domain.Notification, error) {
	q := s.db.WithContext(ctx).Table("notifications").
		Where("notifications.user_id = ? AND notifications.mailed_at IS NULL AND notifications.read_at IS NULL", userID)
	if proposalID != "" {
		q = q.Where("notifications.proposal_id = ?", proposalID)
	}
	return s.notificationsOf(q.Order("notifications.created_at, notifications.id"))
}

// MarkNotificationsMailed marks the notifications mailed and puts the mail (if any: notifications of a
// proposal the person has left are only marked) in the outbox, in one transaction: the mail exists
// exactly when its notifications count as mailed. If another sender mailed any of them first, nothing is
// written (conflict).
func (s *Store) MarkNotificationsMailed(ctx context.Context, ids []string, now time.Time, m *domain.Mail) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		res := tx.Table("notifications").Where("id IN ? AND mailed_at IS NULL", ids).Update("mailed_at", now)
		if res.Error != nil {
			return translate(res.Error, "notification")
		}
		if res.RowsAffected != int64(len(ids)) {
			return domain.Errorf(domain.KindConflict, "these notifications were mailed already")
		}
		if m == nil {
			return nil
		}
		return enqueueIn(tx, *m)
	})
}

// OpenCommentCounts counts the open comments of each section of the proposals, in one query: proposal
// id → section key → count.
func (s *Store) OpenCommentCounts(ctx context.Context, proposalIDs []string) (map[string]map[string]int, error) {
	out := map[string]map[string]int{}
	if len(proposalIDs) == 0 {
		return out, nil
	}
	var rows []struct {
		ProposalID, SectionKey string
		N                      int
	}
	err := s.db.WithContext(ctx).Table("comments").Select("proposal_id, section_key, COUNT(*) AS n").
		Where("proposal_id IN ? AND status = ? AND deleted = ?", proposalIDs, domain.CommentOpen, false).
		Group("proposal_id, section_key").Scan(&rows).Error
	if err != nil {
		return nil, translate(err, "comment")
	}
	for _, r := range rows {
		if out[r.ProposalID] == nil {
			out[r.ProposalID] = map[string]int{}
		}
		out[r.ProposalID][r.SectionKey] = r.N
	}
	return out, nil
}
