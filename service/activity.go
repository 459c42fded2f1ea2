package service

import (
	"context"

	"iduit/domain"
)

// activity builds an entry for an action the user takes on a proposal now.
func (s *Service) activity(p domain.Proposal, user domain.User, kind, subject, detail string) *domain.Activity {
	return &domain.Activity{ProposalID: p.ID, Actor: user, Kind: kind, Subject: subject, Detail: detail, CreatedAt: s.clock()}
}

// Activity lists who did what on a proposal, newest first.
func (s *Service) Activity(ctx context.Context, acc Access, proposalID string, page domain.Page) ([]domain.Activity, int64, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionRead)
	if err != nil {
		return nil, 0, err
	}
	page = page.Normalize()
	items, total, err := s.store.Activity(ctx, proposalID, page)
	if err != nil {
		return nil, 0, err
	}
	people, err := s.audienceOf(ctx, p)
	if err != nil {
		return nil, 0, err
	}
	for i := range items {
		items[i].Actor = people.person(items[i].Actor)
		switch items[i].Kind {
		case domain.ActivityMemberAdded, domain.ActivityMemberRemoved, domain.ActivitySuggestionAccepted:
			// the subject is a person: the one added or removed, or whose suggestion was accepted
			items[i].Subject = people.personID(items[i].Subject)
		}
	}
	return items, total, nil
}

// writable refuses changes to a final proposal: it is the text the CCM endorsed until the owner reopens it.
func writable(p domain.Proposal) error {
	if p.Status == domain.StatusFinal {
		return domain.ErrProposalFinal()
	}
	return nil
}
