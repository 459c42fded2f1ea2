package models

import (
	"context"
	"time"

	"gorm.io/gorm"

	"iduit/domain"
)

// sessionRow is the sessions table; only the SHA-256 of the token is kept, so a leaked database does not
// leak working tokens.
type sessionRow struct {
	ID        string
	TokenHash string
	UserID    string
	CreatedAt time.Time
	ExpiresAt time.Time
}

func (sessionRow) TableName() string { return "sessions" }

// CreateSession stores a session under the hash of its token.
func (s *Store) CreateSession(ctx context.Context, sess domain.Session, tokenHash string) error {
	row := sessionRow{ID: sess.ID, TokenHash: tokenHash, UserID: sess.UserID, CreatedAt: sess.CreatedAt, ExpiresAt: sess.ExpiresAt}
	return s.write(ctx, func(tx *gorm.DB) error { return translate(tx.Create(&row).Error, "session") })
}

// sessionUserRow is the join that authenticates a request in one query.
type sessionUserRow struct {
	SessionID string
	ExpiresAt time.Time
	CreatedAt time.Time
	UserID    string
	Email     string
	Name      string
	// UserCreatedAt is the account's creation time (the session's own is CreatedAt).
	UserCreatedAt time.Time
}

// SessionByTokenHash returns the unexpired session with this token hash and its user.
func (s *Store) SessionByTokenHash(ctx context.Context, tokenHash string, now time.Time) (domain.Session, domain.User, error) {
	var row sessionUserRow
	err := s.db.WithContext(ctx).Table("sessions").
		Select("sessions.id AS session_id, sessions.expires_at, sessions.created_at, users.id AS user_id, users.email, users.name, users.created_at AS user_created_at").
		Joins("JOIN users ON users.id = sessions.user_id").
		Where("sessions.token_hash = ? AND sessions.expires_at > ?", tokenHash, now).
		Take(&row).Error
	if err != nil {
		return domain.Session{}, domain.User{}, translate(err, "session")
	}
	sess := domain.Session{ID: row.SessionID, UserID: row.UserID, ExpiresAt: row.ExpiresAt, CreatedAt: row.CreatedAt}
	return sess, domain.User{ID: row.UserID, Email: row.Email, Name: row.Name, CreatedAt: row.UserCreatedAt}, nil
}

// SessionForProposal authenticates a request to a proposal's route and loads that proposal with the
// caller's role in the same query: for an autosave, one round trip instead of two. It finds nothing (not
// found) unless the session is live and its user a member of the proposal; the caller then asks the
// plain questions one at a time to tell those cases apart.
func (s *Store) SessionForProposal(ctx context.Context, tokenHash string, now time.Time, proposalID string) (domain.Session, domain.User, domain.Proposal, error) {
	var row struct {
		SessionID        string
		ExpiresAt        time.Time
		SessionCreatedAt time.Time
		UserID           string
		Email            string
		UserName         string
		UserCreatedAt    time.Time
		Proposal         proposalRow `gorm:"embedded"`
		Role             string
	}
	err := s.db.WithContext(ctx).Table("sessions").
		Select(`sessions.id AS session_id, sessions.expires_at, sessions.created_at AS session_created_at,
			users.id AS user_id, users.email, users.name AS user_name, users.created_at AS user_created_at,
			proposals.*, members.role`).
		Joins("JOIN users ON users.id = sessions.user_id").
		Joins("JOIN members ON members.user_id = users.id AND members.proposal_id = ?", proposalID).
		Joins("JOIN proposals ON proposals.id = members.proposal_id").
		Where("sessions.token_hash = ? AND sessions.expires_at > ?", tokenHash, now).
		Take(&row).Error
	if err != nil {
		return domain.Session{}, domain.User{}, domain.Proposal{}, translate(err, "session")
	}
	sess := domain.Session{ID: row.SessionID, UserID: row.UserID, ExpiresAt: row.ExpiresAt, CreatedAt: row.SessionCreatedAt}
	user := domain.User{ID: row.UserID, Email: row.Email, Name: row.UserName, CreatedAt: row.UserCreatedAt}
	return sess, user, row.Proposal.toDomain(domain.Role(row.Role)), nil
}

// DeleteSession signs a session out.
func (s *Store) DeleteSession(ctx context.Context, id string) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		return translate(tx.Where("id = ?", id).Delete(&sessionRow{}).Error, "session")
	})
}
