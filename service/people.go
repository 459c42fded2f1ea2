package service

import (
	"context"
	"crypto/sha256"
	"encoding/hex"

	"iduit/domain"
)

// audience is how the people of one proposal are shown to one viewer. It is the one place that decides
// it: every response that names a person (comment authors, activity actors and subjects, members,
// mention notifications, snapshot and revision authors) goes through person or personID.
type audience struct {
	p domain.Proposal // p.Role is the viewer's role; "" for someone no longer a member
	// roles is each person's role on the proposal, or the role they had when they left. It is loaded
	// only when names are hidden from this viewer.
	roles map[string]domain.Role
}

// hides reports whether reviewers' identities are hidden from this viewer: the proposal asks for it and
// the viewer is an applicant (reviewers and owners see everyone).
func (a audience) hides() bool {
	return a.p.HideReviewerNames && a.p.Role != domain.RoleReviewer && a.p.Role != domain.RoleOwner
}

// hidden reports whether this person is shown without their identity: a reviewer, present or past, or
// someone whose role on the proposal is not known (they left before roles were recorded) — when in
// doubt the name stays private.
func (a audience) hidden(userID string) bool {
	if !a.hides() || userID == "" {
		return false
	}
	role, known := a.roles[userID]
	return !known || role == domain.RoleReviewer || role == ""
}

// person is who as this viewer may see them: a hidden reviewer becomes "Reviewer" plus a short code
// that is stable per proposal, so threads still read as conversations, with no id or email.
func (a audience) person(who domain.User) domain.User {
	if !a.hidden(who.ID) {
		return who
	}
	sum := sha256.Sum256([]byte(a.p.ID + "/" + who.ID))
	return domain.User{Name: "Reviewer " + hex.EncodeToString(sum[:2])}
}

// personID is a person's id as this viewer may see it: empty for a hidden reviewer.
func (a audience) personID(id string) string {
	if a.hidden(id) {
		return ""
	}
	return id
}

// audienceOf prepares how p's people are shown to the viewer whose role p carries.
func (s *Service) audienceOf(ctx context.Context, p domain.Proposal) (audience, error) {
	a := audience{p: p}
	if !a.hides() {
		return a, nil
	}
	roles, err := s.store.PeopleRoles(ctx, []string{p.ID})
	a.roles = roles[p.ID]
	return a, err
}
