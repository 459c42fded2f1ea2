package models

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"iduit/domain"
)

// invitationRow is the invitations table; only the SHA-256 of the link's token is kept.
type invitationRow struct {
	ID         string
	ProposalID string
	Email      string
	Role       string
	TokenHash  string
	InvitedBy  string
	CreatedAt  time.Time
	ExpiresAt  time.Time
	AcceptedAt *time.Time
	RevokedAt  *time.Time
}

func (invitationRow) TableName() string { return "invitations" }

func (r invitationRow) toDomain() domain.Invitation {
	return domain.Invitation{ID: r.ID, ProposalID: r.ProposalID, Email: r.Email, Role: domain.Role(r.Role),
		InvitedBy: domain.User{ID: r.InvitedBy}, CreatedAt: r.CreatedAt, ExpiresAt: r.ExpiresAt}
}

// pending limits a query to invitations neither accepted, nor revoked, nor expired.
func pending(db *gorm.DB, now time.Time) *gorm.DB {
	return db.Where("invitations.accepted_at IS NULL AND invitations.revoked_at IS NULL AND invitations.expires_at > ?", now)
}

// CreateInvitation stores an invitation, its activity entry and the mail that carries its link, in one
// transaction. An address that already has an account is a conflict: such a person is added, not invited.
func (s *Store) CreateInvitation(ctx context.Context, inv domain.Invitation, tokenHash string, mail domain.Mail, act *domain.Activity) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&userRow{}).Where("email = ?", inv.Email).Count(&n).Error; err != nil {
			return translate(err, "account")
		}
		if n > 0 {
			return domain.Errorf(domain.KindConflict, "%s already has an account; add them as a member instead", inv.Email)
		}
		row := invitationRow{ID: inv.ID, ProposalID: inv.ProposalID, Email: inv.Email, Role: string(inv.Role), TokenHash: tokenHash,
			InvitedBy: inv.InvitedBy.ID, CreatedAt: inv.CreatedAt, ExpiresAt: inv.ExpiresAt}
		if err := tx.Create(&row).Error; err != nil {
			return translate(err, "invitation")
		}
		if err := enqueueIn(tx, mail); err != nil {
			return err
		}
		return record(tx, act)
	})
}

// Invitations lists a proposal's pending invitations, newest first, with who invited.
func (s *Store) Invitations(ctx context.Context, proposalID string, now time.Time) ([]domain.Invitation, error) {
	var rows []invitationRow
	if err := pending(s.db.WithContext(ctx), now).Where("proposal_id = ?", proposalID).Order("created_at DESC, id").Find(&rows).Error; err != nil {
		return nil, translate(err, "invitation")
	}
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.InvitedBy
	}
	users, err := s.UsersByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]domain.Invitation, len(rows))
	for i, r := range rows {
		out[i] = r.toDomain()
		out[i].InvitedBy = users[r.InvitedBy]
	}
	return out, nil
}

// RevokeInvitation makes a pending invitation's link stop working.
func (s *Store) RevokeInvitation(ctx context.Context, proposalID, id string, now time.Time, act *domain.Activity) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		res := pending(tx.Model(&invitationRow{}), now).Where("proposal_id = ? AND id = ?", proposalID, id).Update("revoked_at", now)
		if err := affectedOne(res, "invitation"); err != nil {
			return err
		}
		return record(tx, act)
	})
}

// InvitationByToken returns the pending invitation a link's token opens, with its proposal's title.
func (s *Store) InvitationByToken(ctx context.Context, tokenHash string, now time.Time) (domain.Invitation, error) {
	var row struct {
		Invitation  invitationRow `gorm:"embedded"`
		Title       string
		InviterName string
	}
	err := pending(s.db.WithContext(ctx).Table("invitations"), now).
		Select("invitations.*, proposals.title, users.name AS inviter_name").
		Joins("JOIN proposals ON proposals.id = invitations.proposal_id").
		Joins("JOIN users ON users.id = invitations.invited_by").
		Where("invitations.token_hash = ?", tokenHash).Take(&row).Error
	if err != nil {
		return domain.Invitation{}, translate(err, "invitation")
	}
	inv := row.Invitation.toDomain()
	inv.ProposalTitle, inv.InvitedBy.Name = row.Title, row.InviterName
	return inv, nil
}

// CreateUserFromInvitation creates the account and makes it a member with the invited role, in one
// transaction: either the person has both or neither. The address must be the invited one; the
// invitation is then spent.
func (s *Store) CreateUserFromInvitation(ctx context.Context, u domain.User, passwordHash, tokenHash string, act *domain.Activity) (domain.Invitation, error) {
	var inv domain.Invitation
	err := s.write(ctx, func(tx *gorm.DB) error {
		var row invitationRow
		err := pending(tx, u.CreatedAt).Where("token_hash = ?", tokenHash).Take(&row).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return domain.Invalid("the invitation is not valid",
				domain.Problem{Field: "invitation", Message: "is unknown, used, revoked or expired"})
		}
		if err != nil {
			return translate(err, "invitation")
		}
		if row.Email != u.Email {
			return domain.Invalid("the invitation is for another address",
				domain.Problem{Field: "email", Message: "must be the address the invitation was sent to"})
		}
		user := userRow{ID: u.ID, Email: u.Email, Name: u.Name, PasswordHash: passwordHash, CreatedAt: u.CreatedAt, Lang: u.Lang}
		if err := tx.Create(&user).Error; err != nil {
			if isUniqueViolation(err) {
				return domain.ErrEmailTaken()
			}
			return translate(err, "account")
		}
		res := tx.Model(&invitationRow{}).Where("id = ? AND accepted_at IS NULL", row.ID).Update("accepted_at", u.CreatedAt)
		if err := affectedOne(res, "invitation"); err != nil {
			return err
		}
		member := memberRow{ProposalID: row.ProposalID, UserID: u.ID, Role: row.Role, AddedAt: u.CreatedAt}
		if err := tx.Create(&member).Error; err != nil {
			return translate(err, "member")
		}
		inv = row.toDomain()
		if act != nil {
			act.ProposalID, act.Subject = row.ProposalID, u.ID
		}
		return record(tx, act)
	})
	return inv, err
}
