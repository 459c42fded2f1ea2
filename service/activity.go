package service

import (
	"context"
	"crypto/sha256"
	"encoding/hex"

	"iduit/domain"
)

// activity builds an entry for an action the user takes on a proposal now.
func (s *Service) activity(p domain.Proposal, user domain.User, kind, subject, detail string) *domain.Activity {
	return &domain.Activity{ProposalID: p.ID, Actor: user, Kind: kind, Subject: subject, Detail: detail, CreatedAt: s.clock()}
}

// Activity lists who did what on a proposal, newest first.
func (s *Service) Activity(ctx context.Context, user domain.User, proposalID string, page domain.Page) ([]domain.Activity, int64, error) {
	p, err := s.Proposal(ctx, user, proposalID, domain.ActionRead)
	if err != nil {
		return nil, 0, err
	}
	page = page.Normalize()
	items, total, err := s.store.Activity(ctx, proposalID, page)
	for i := range items {
		items[i].Actor = presentPerson(p, items[i].Actor, items[i].ActorRole)
	}
	return items, total, err
}

// presentPerson hides a reviewer's identity from the applicants when the proposal asks for it: the
// reviewer becomes "Reviewer" plus a short code that is stable per proposal, so threads still read as
// conversations. p.Role is the viewer's role; reviewers and owners see everyone.
func presentPerson(p domain.Proposal, who domain.User, role domain.Role) domain.User {
	if !p.HideReviewerNames || role != domain.RoleReviewer || p.Role == domain.RoleReviewer || p.Role == domain.RoleOwner {
		return who
	}
	sum := sha256.Sum256([]byte(p.ID + "/" + who.ID))
	return domain.User{Name: "Reviewer " + hex.EncodeToString(sum[:2])}
}

// writable refuses changes to a final proposal: it is the text the CCM endorsed until the owner reopens it.
func writable(p domain.Proposal) error {
	if p.Status == domain.StatusFinal {
		return domain.ErrProposalFinal()
	}
	return nil
}
