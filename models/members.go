package models

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"iduit/domain"
)

// memberRow is the members table: one row per person per proposal.
type memberRow struct {
	ProposalID string
	UserID     string
	Role       string
	AddedAt    time.Time
}

func (memberRow) TableName() string { return "members" }

// memberUserRow is a membership joined with its user, so a member list is one query.
type memberUserRow struct {
	ProposalID string
	Role       string
	AddedAt    time.Time
	UserID     string
	Email      string
	Name       string
}

// Members lists a proposal's members, owners first.
func (s *Store) Members(ctx context.Context, proposalID string) ([]domain.Member, error) {
	var rows []memberUserRow
	err := s.db.WithContext(ctx).Table("members").
		Select("members.proposal_id, members.role, members.added_at, users.id AS user_id, users.email, users.name").
		Joins("JOIN users ON users.id = members.user_id").
		Where("members.proposal_id = ?", proposalID).
		Order("members.added_at, users.email").
		Find(&rows).Error
	if err != nil {
		return nil, translate(err, "member")
	}
	out := make([]domain.Member, len(rows))
	for i, r := range rows {
		out[i] = domain.Member{
			ProposalID: r.ProposalID, Role: domain.Role(r.Role), AddedAt: r.AddedAt,
			User: domain.User{ID: r.UserID, Email: r.Email, Name: r.Name},
		}
	}
	return out, nil
}

// AddMember gives the account with this email a role on the proposal. The email must be normalised.
func (s *Store) AddMember(ctx context.Context, proposalID, email string, role domain.Role, now time.Time, act *domain.Activity) (domain.Member, error) {
	var m domain.Member
	err := s.write(ctx, func(tx *gorm.DB) error {
		var u userRow
		if err := tx.Where("email = ?", email).Take(&u).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return domain.Invalid("no account uses this email",
					*domain.NewProblem("email", domain.ProblemNoAccount))
			}
			return translate(err, "account")
		}
		row := memberRow{ProposalID: proposalID, UserID: u.ID, Role: string(role), AddedAt: now}
		if err := tx.Create(&row).Error; err != nil {
			if isUniqueViolation(err) {
				return domain.Errorf(domain.KindConflict, "%s is already a member of this proposal", email)
			}
			return translate(err, "member")
		}
		m = domain.Member{ProposalID: proposalID, User: u.toDomain(), Role: role, AddedAt: now}
		if act != nil {
			act.Subject = u.ID
		}
		return record(tx, act)
	})
	return m, err
}

// RemoveMember takes a person off a proposal. The last owner cannot be removed: a proposal without an
// owner could never be deleted or shared again.
func (s *Store) RemoveMember(ctx context.Context, proposalID, userID string, act *domain.Activity) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		if err := s.lockProposal(tx, proposalID); err != nil {
			return err
		}
		var row memberRow
		if err := tx.Where("proposal_id = ? AND user_id = ?", proposalID, userID).Take(&row).Error; err != nil {
			return translate(err, "member")
		}
		if row.Role == string(domain.RoleOwner) {
			var owners int64
			err := tx.Model(&memberRow{}).Where("proposal_id = ? AND role = ?", proposalID, domain.RoleOwner).Count(&owners).Error
			if err != nil {
				return translate(err, "member")
			}
			if owners <= 1 {
				return domain.ErrLastOwner()
			}
		}
		if err := tx.Where("proposal_id = ? AND user_id = ?", proposalID, userID).Delete(&memberRow{}).Error; err != nil {
			return translate(err, "member")
		}
		if act != nil {
			act.Detail = row.Role // kept so that a reviewer who left stays hidden where reviewers are hidden
		}
		return record(tx, act)
	})
}

// PeopleRoles maps, per proposal, each person who is or was a member to their role: the current one,
// or the one they had when they left. A person who once left as a reviewer counts as a reviewer even if
// added back in another role, since what they wrote then was written as a reviewer. People who left
// before roles were recorded map to "". Two queries, whatever the number of proposals.
func (s *Store) PeopleRoles(ctx context.Context, proposalIDs []string) (map[string]map[string]domain.Role, error) {
	out := map[string]map[string]domain.Role{}
	if len(proposalIDs) == 0 {
		return out, nil
	}
	set := func(proposalID, userID string, role domain.Role) {
		if out[proposalID] == nil {
			out[proposalID] = map[string]domain.Role{}
		}
		out[proposalID][userID] = role
	}
	var members []memberRow
	if err := s.db.WithContext(ctx).Where("proposal_id IN ?", proposalIDs).Find(&members).Error; err != nil {
		return nil, translate(err, "member")
	}
	for _, m := range members {
		set(m.ProposalID, m.UserID, domain.Role(m.Role))
	}
	var left []activityRow
	err := s.db.WithContext(ctx).Select("proposal_id, subject, detail").
		Where("proposal_id IN ? AND kind = ?", proposalIDs, domain.ActivityMemberRemoved).Find(&left).Error
	if err != nil {
		return nil, translate(err, "activity")
	}
	for _, l := range left {
		_, known := out[l.ProposalID][l.Subject]
		if !known || domain.Role(l.Detail) == domain.RoleReviewer {
			set(l.ProposalID, l.Subject, domain.Role(l.Detail))
		}
	}
	return out, nil
}
