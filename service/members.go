package service

import (
	"context"
	"fmt"

	"iduit/domain"
)

// Members lists who works on a proposal; every member may see it.
func (s *Service) Members(ctx context.Context, acc Access, proposalID string) ([]domain.Member, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionRead)
	if err != nil {
		return nil, err
	}
	members, err := s.store.Members(ctx, proposalID)
	if err != nil {
		return nil, err
	}
	people, err := s.audienceOf(ctx, p)
	for i := range members {
		members[i].User = people.person(members[i].User)
	}
	return members, err
}

// AddMember gives an existing account a role; only owners manage members.
func (s *Service) AddMember(ctx context.Context, acc Access, proposalID, email string, role domain.Role) (domain.Member, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionManageMembers)
	if err != nil {
		return domain.Member{}, err
	}
	email = domain.NormalizeEmail(email)
	problems := domain.Problems(domain.CheckEmail("email", email))
	if !role.Valid() {
		problems = append(problems, domain.Problem{Field: "role", Message: fmt.Sprintf("must be one of %v", domain.Roles())})
	}
	if len(problems) > 0 {
		return domain.Member{}, domain.Invalid("the member is not valid", problems...)
	}
	return s.store.AddMember(ctx, proposalID, email, role, s.clock(), s.activity(p, acc.User, domain.ActivityMemberAdded, "", string(role)))
}

// RemoveMember takes someone off a proposal. Owners remove anyone; any member may remove themselves.
func (s *Service) RemoveMember(ctx context.Context, acc Access, proposalID, memberID string) error {
	action := domain.ActionManageMembers
	if memberID == acc.User.ID {
		action = domain.ActionRead
	}
	p, err := s.Proposal(ctx, acc, proposalID, action)
	if err != nil {
		return err
	}
	return s.store.RemoveMember(ctx, proposalID, memberID, s.activity(p, acc.User, domain.ActivityMemberRemoved, memberID, ""))
}
