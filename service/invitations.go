package service

import (
	"context"
	"encoding/base64"
	"fmt"
	"time"

	"iduit/domain"
)

// InvitationTTL is how long an invitation link works: a week covers a reviewer who reads mail once a week.
const InvitationTTL = 7 * 24 * time.Hour

// Invite mails a person without an account a link that opens sign-up and, on sign-up with that address,
// makes them a member with role. Owners only; lang is the mail's language.
func (s *Service) Invite(ctx context.Context, acc Access, proposalID, email string, role domain.Role, lang string) (domain.Invitation, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionManageMembers)
	if err != nil {
		return domain.Invitation{}, err
	}
	email = domain.NormalizeEmail(email)
	problems := domain.Problems(domain.CheckEmail("email", email))
	if !role.Valid() {
		problems = append(problems, domain.Problem{Field: "role", Message: fmt.Sprintf("must be one of %v", domain.Roles())})
	}
	if len(problems) > 0 {
		return domain.Invitation{}, domain.Invalid("the invitation is not valid", problems...)
	}
	now := s.clock()
	inv := domain.Invitation{ID: domain.NewID(), ProposalID: p.ID, ProposalTitle: p.Title, Email: email, Role: role,
		InvitedBy: acc.User, CreatedAt: now, ExpiresAt: now.Add(InvitationTTL)}
	token := base64.RawURLEncoding.EncodeToString(randomBytes(32))
	link := s.publicURL + "/signup?invitation=" + token
	mail := s.newMail(domain.MailInvitation, email, now, invitationMailText(lang, acc.User.Name, p.Title, string(role), link))
	err = s.store.CreateInvitation(ctx, inv, hashToken(token), mail, s.activity(p, acc.User, domain.ActivityInvitationSent, "", string(role)))
	return inv, err
}

// Invitations lists a proposal's pending invitations; owners only.
func (s *Service) Invitations(ctx context.Context, acc Access, proposalID string) ([]domain.Invitation, error) {
	if _, err := s.Proposal(ctx, acc, proposalID, domain.ActionManageMembers); err != nil {
		return nil, err
	}
	return s.store.Invitations(ctx, proposalID, s.clock())
}

// RevokeInvitation stops a pending invitation's link from working; owners only.
func (s *Service) RevokeInvitation(ctx context.Context, acc Access, proposalID, id string) error {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionManageMembers)
	if err != nil {
		return err
	}
	return s.store.RevokeInvitation(ctx, proposalID, id, s.clock(), s.activity(p, acc.User, domain.ActivityInvitationRevoked, "", ""))
}

// InvitationFor is the pending invitation a link's token opens, for the sign-up page; anyone holding
// the link may see which proposal it is for.
func (s *Service) InvitationFor(ctx context.Context, token string) (domain.Invitation, error) {
	if token == "" {
		return domain.Invitation{}, domain.Errorf(domain.KindNotFound, "invitation not found")
	}
	return s.store.InvitationByToken(ctx, hashToken(token), s.clock())
}

// AddOrInvite adds the account with this address as a member, or, when no account has it, invites the
// person by e-mail (in lang). The members page offers one form for both: people should not have to know
// whether a colleague has signed up yet.
func (s *Service) AddOrInvite(ctx context.Context, acc Access, proposalID, email string, role domain.Role, lang string) (invited bool, err error) {
	_, _, err = s.store.UserByEmail(ctx, domain.NormalizeEmail(email))
	if domain.ErrorKind(err) == domain.KindNotFound {
		_, err = s.Invite(ctx, acc, proposalID, email, role, lang)
		if domain.ErrorKind(err) != domain.KindConflict { // someone signed up in between: add them after all
			return err == nil, err
		}
	}
	_, err = s.AddMember(ctx, acc, proposalID, email, role)
	return false, err
}
