package models

import (
	"context"
	"time"

	"gorm.io/gorm"

	"iduit/domain"
)

// outboxRow is the outbox table: an e-mail from the moment its cause is committed until it is sent.
type outboxRow struct {
	ID            string
	MessageID     string
	Kind          string
	ToAddress     string
	Subject       string
	Body          string
	CreatedAt     time.Time
	Attempts      int
	NextAttemptAt time.Time
	ClaimedUntil  *time.Time
	SentAt        *time.Time
	LastError     string
	// ListUnsubscribe is the RFC 8058 one-click URL; empty for mail one cannot opt out of.
	ListUnsubscribe string
}

func (outboxRow) TableName() string { return "outbox" }

func (r outboxRow) toDomain() domain.Mail {
	return domain.Mail{ID: r.ID, MessageID: r.MessageID, Kind: r.Kind, To: r.ToAddress, Subject: r.Subject, Body: r.Body,
		CreatedAt: r.CreatedAt, Attempts: r.Attempts, ListUnsubscribe: r.ListUnsubscribe}
}

// enqueueIn writes a mail into the outbox inside the transaction of the event that causes it: the mail
// exists exactly when the event does.
func enqueueIn(tx *gorm.DB, m domain.Mail) error {
	row := outboxRow{ID: m.ID, MessageID: m.MessageID, Kind: m.Kind, ToAddress: m.To, Subject: m.Subject, Body: m.Body,
		CreatedAt: m.CreatedAt, NextAttemptAt: m.CreatedAt, ListUnsubscribe: m.ListUnsubscribe}
	return translate(tx.Create(&row).Error, "mail")
}

// ClaimMail takes up to limit mails that are due and not claimed by another sender, and claims them until
// now+lease. A sender that dies mid-send leaves its claim to expire, and the mail is sent again then —
// with the same Message-ID. On PostgreSQL several servers claim side by side (SKIP LOCKED); SQLite's
// single writer serialises the claims.
func (s *Store) ClaimMail(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]domain.Mail, error) {
	lock := ""
	if s.dialect == DialectPostgres {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	var rows []outboxRow
	err := s.write(ctx, func(tx *gorm.DB) error {
		return tx.Raw(`UPDATE outbox SET claimed_until = ? WHERE id IN (
			SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
			ORDER BY next_attempt_at LIMIT ?`+lock+`)
			RETURNING id, message_id, kind, to_address, subject, body, created_at, attempts, list_unsubscribe`,
			now.Add(lease), now, now, limit).Scan(&rows).Error
	})
	if err != nil {
		return nil, translate(err, "mail")
	}
	out := make([]domain.Mail, len(rows))
	for i, r := range rows {
		out[i] = r.toDomain()
	}
	return out, nil
}

// MailSent marks a claimed mail sent; it is never sent again.
func (s *Store) MailSent(ctx context.Context, id string, now time.Time) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		return translate(tx.Exec(`UPDATE outbox SET sent_at = ?, claimed_until = NULL, attempts = attempts + 1, last_error = ''
			WHERE id = ? AND sent_at IS NULL`, now, id).Error, "mail")
	})
}

// MailFailed records a failed send and when to try again.
func (s *Store) MailFailed(ctx context.Context, id string, next time.Time, reason string) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		return translate(tx.Exec(`UPDATE outbox SET next_attempt_at = ?, claimed_until = NULL, attempts = attempts + 1, last_error = ?
			WHERE id = ? AND sent_at IS NULL`, next, reason, id).Error, "mail")
	})
}

// MailState is what the outbox knows of one mail, for tests and the operator.
type MailState struct {
	Mail      domain.Mail
	SentAt    *time.Time
	LastError string
}

// Outbox lists the mails to one address, oldest first.
func (s *Store) Outbox(ctx context.Context, to string) ([]MailState, error) {
	var rows []outboxRow
	if err := s.db.WithContext(ctx).Where("to_address = ?", to).Order("created_at, id").Find(&rows).Error; err != nil {
		return nil, translate(err, "mail")
	}
	out := make([]MailState, len(rows))
	for i, r := range rows {
		out[i] = MailState{Mail: r.toDomain(), SentAt: r.SentAt, LastError: r.LastError}
	}
	return out, nil
}
