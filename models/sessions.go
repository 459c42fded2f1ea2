package models

import (
	"context"
	"database/sql"
	"errors"
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
	TimeZone      string
}

// SessionByTokenHash returns the unexpired session with this token hash and its user.
func (s *Store) SessionByTokenHash(ctx context.Context, tokenHash string, now time.Time) (domain.Session, domain.User, error) {
	var row sessionUserRow
	err := s.db.WithContext(ctx).Table("sessions").
		Select("sessions.id AS session_id, sessions.expires_at, sessions.created_at, users.id AS user_id, users.email, users.name, users.created_at AS user_created_at, users.time_zone").
		Joins("JOIN users ON users.id = sessions.user_id").
		Where("sessions.token_hash = ? AND sessions.expires_at > ?", tokenHash, now).
		Take(&row).Error
	if err != nil {
		return domain.Session{}, domain.User{}, translate(err, "session")
	}
	sess := domain.Session{ID: row.SessionID, UserID: row.UserID, ExpiresAt: row.ExpiresAt, CreatedAt: row.CreatedAt}
	return sess, domain.User{ID: row.UserID, Email: row.Email, Name: row.Name, CreatedAt: row.UserCreatedAt, TimeZone: row.TimeZone}, nil
}

// SessionForProposal authenticates a request to a proposal's route and loads that proposal with the
// caller's role in the same query: for an autosave, one round trip instead of two. It finds nothing (not
// found) unless the session is live and its user a member of the proposal; the caller then asks the
// plain questions one at a time to tell those cases apart.
func (s *Store) SessionForProposal(ctx context.Context, tokenHash string, now time.Time, proposalID string) (domain.Session, domain.User, domain.Proposal, error) {
	return s.sessionWith(ctx, tokenHash, now, proposalID, nil)
}

// SessionForSection is SessionForProposal with one of the proposal's sections read in the same query,
// for a section read: one round trip for the whole request. ok is false when the proposal has no section
// of that key.
func (s *Store) SessionForSection(ctx context.Context, tokenHash string, now time.Time, proposalID, key string) (domain.Session, domain.User, domain.Proposal, domain.Section, bool, error) {
	sec := &joinedSection{key: key}
	sess, user, p, err := s.sessionWith(ctx, tokenHash, now, proposalID, sec)
	if err != nil {
		return domain.Session{}, domain.User{}, domain.Proposal{}, domain.Section{}, false, err
	}
	found, ok, err := sec.toDomain(proposalID)
	return sess, user, p, found, ok, err
}

// joinedSection is a section read with a LEFT JOIN: every column may be NULL.
type joinedSection struct {
	key       string
	version   sql.NullInt64
	fields    sql.NullString
	updatedAt sql.NullTime
	updatedBy sql.NullString
}

func (j *joinedSection) targets() []any {
	return []any{&j.version, &j.fields, &j.updatedAt, &j.updatedBy}
}

func (j *joinedSection) toDomain(proposalID string) (domain.Section, bool, error) {
	if !j.version.Valid {
		return domain.Section{}, false, nil
	}
	sec, err := sectionRow{ProposalID: proposalID, SectionKey: j.key, Version: int(j.version.Int64), Fields: j.fields.String,
		UpdatedAt: j.updatedAt.Time, UpdatedBy: j.updatedBy}.toDomain()
	return sec, err == nil, err
}

// sessionWith runs the joined session query, with the section's columns when sec is not nil.
func (s *Store) sessionWith(ctx context.Context, tokenHash string, now time.Time, proposalID string, sec *joinedSection) (domain.Session, domain.User, domain.Proposal, error) {
	var (
		sess domain.Session
		user domain.User
		p    proposalRow
		role string
	)
	// Raw and Row, not Take: this runs before every request to a proposal, and GORM's query building
	// and reflective scan were a fifth of its cost.
	dest := append([]any{&sess.ID, &sess.ExpiresAt, &sess.CreatedAt, &user.ID, &user.Email, &user.Name, &user.CreatedAt, &user.TimeZone, &role}, p.scanTargets()...)
	query, args := sessionForProposal, []any{proposalID, tokenHash, now}
	if sec != nil {
		query, args = sessionForSection, []any{proposalID, sec.key, tokenHash, now}
		dest = append(dest, sec.targets()...)
	}
	err := s.db.WithContext(ctx).Raw(query, args...).Row().Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		err = gorm.ErrRecordNotFound
	}
	if err != nil {
		return domain.Session{}, domain.User{}, domain.Proposal{}, translate(err, "session")
	}
	sess.UserID = user.ID
	return sess, user, p.toDomain(domain.Role(role)), nil
}

const (
	sessionColumns = `sessions.id, sessions.expires_at, sessions.created_at,
		users.id, users.email, users.name, users.created_at, users.time_zone, members.role, ` + proposalColumns
	sessionJoins = `
		FROM sessions
		JOIN users ON users.id = sessions.user_id
		JOIN members ON members.user_id = users.id AND members.proposal_id = ?
		JOIN proposals ON proposals.id = members.proposal_id`
	sessionLive = `
		WHERE sessions.token_hash = ? AND sessions.expires_at > ?`
	sessionForProposal = `SELECT ` + sessionColumns + sessionJoins + sessionLive
	sessionForSection  = `SELECT ` + sessionColumns + `,
		sections.version, sections.fields, sections.updated_at, sections.updated_by` + sessionJoins + `
		LEFT JOIN sections ON sections.proposal_id = proposals.id AND sections.section_key = ?` + sessionLive
)

// DeleteSession signs a session out.
func (s *Store) DeleteSession(ctx context.Context, id string) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		return translate(tx.Where("id = ?", id).Delete(&sessionRow{}).Error, "session")
	})
}
