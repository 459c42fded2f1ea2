package service

import (
	"context"
	"slices"

	"iduit/domain"
)

// Notifications lists the user's notifications, each naming whoever caused it as the user may see them
// on that proposal (a hidden reviewer's mention stays anonymous).
func (s *Service) Notifications(ctx context.Context, user domain.User, unreadOnly bool, page domain.Page) ([]domain.Notification, int64, error) {
	items, total, err := s.store.Notifications(ctx, user.ID, unreadOnly, page.Normalize())
	if err != nil || len(items) == 0 {
		return items, total, err
	}
	people, err := s.audiencesOf(ctx, user, items)
	if err != nil {
		return nil, 0, err
	}
	for i := range items {
		items[i].Actor = people[items[i].ProposalID].person(items[i].Actor)
		items[i].ProposalTitle = people[items[i].ProposalID].p.Title
	}
	return items, total, nil
}

// audiencesOf prepares, for each proposal the notifications are about, how its people are shown to the
// user: a fixed number of queries for a page of notifications.
func (s *Service) audiencesOf(ctx context.Context, user domain.User, items []domain.Notification) (map[string]audience, error) {
	var ids []string
	for _, n := range items {
		if !slices.Contains(ids, n.ProposalID) {
			ids = append(ids, n.ProposalID)
		}
	}
	proposals, err := s.store.ProposalsAsSeenBy(ctx, ids, user.ID)
	if err != nil {
		return nil, err
	}
	out := map[string]audience{}
	var hiding []string
	for _, id := range ids {
		// A proposal that is gone hides everyone it might name.
		p, ok := proposals[id]
		if !ok {
			p = domain.Proposal{ID: id, HideReviewerNames: true}
		}
		out[id] = audience{p: p}
		if out[id].hides() {
			hiding = append(hiding, id)
		}
	}
	roles, err := s.store.PeopleRoles(ctx, hiding)
	for _, id := range hiding {
		out[id] = audience{p: out[id].p, roles: roles[id]}
	}
	return out, err
}

// MarkNotificationRead marks one of the user's notifications read.
func (s *Service) MarkNotificationRead(ctx context.Context, user domain.User, id string) error {
	return s.store.MarkNotificationRead(ctx, user.ID, id, s.clock())
}
