package service

import (
	"context"
	"sync/atomic"

	"iduit/domain"
	"iduit/models"
)

// Access is who a request acts for, as authentication found them: the user and the session and, on a
// proposal's route, what AuthenticateFor read in the same query — the proposal with the caller's role,
// and the section when one was named. Every service call that acts on a proposal for a caller takes an
// Access and checks it (Proposal, Section), so the request's first check uses what authentication read
// instead of asking the database again. Calls that name no proposal of the caller's (CreateProposal,
// Proposals, Import) or are about their own account (notifications, the password, the time zone) take
// the bare user.
type Access struct {
	User    domain.User
	Session domain.Session
	// pre is what was read with the session, nil when nothing was (AccessOf, or not a proposal's route).
	pre *preloaded
}

// AccessOf is the access of a user with nothing read ahead: every check asks the database. The service
// uses it where it holds only a user (an import reading the proposals it made) and tests for theirs.
func AccessOf(user domain.User) Access { return Access{User: user} }

// preloaded is a proposal loaded together with the session that authenticated the request (see
// AuthenticateFor). It serves the request's first access check only: every action checks access before
// it writes, so that first check sees exactly what a query of its own would have seen, while a later
// look in the same request (after a write, say) goes to the database again. A service call that checks
// and then calls another with the same Access (AddOrInvite, a restore, an accepted suggestion, marking a
// proposal final) therefore asks the database in the second one.
type preloaded struct {
	userID   string
	proposal domain.Proposal
	// sectionKey names the section read with the session, if any (AuthenticateForSection); found says
	// whether the proposal has it.
	sectionKey string
	section    domain.Section
	found      bool
	taken      atomic.Bool
}

// take returns what was loaded with the session if it is the proposal asked for and has not been used
// yet; nil otherwise. The Access is copied by value into every call, so the pointer is what all of
// them share, and the first to ask wins.
func (a Access) take(proposalID string) *preloaded {
	pre := a.pre
	if pre == nil || pre.userID != a.User.ID || pre.proposal.ID != proposalID || !pre.taken.CompareAndSwap(false, true) {
		return nil
	}
	return pre
}

// preloadedSection returns the section read with the session when it is the one asked for, and reads it
// otherwise.
func preloadedSection(ctx context.Context, store *models.Store, pre *preloaded, key string) (domain.Section, error) {
	switch {
	case pre.sectionKey != key:
		return store.Section(ctx, pre.proposal.ID, key)
	case pre.found:
		return pre.section, nil
	}
	return domain.Section{}, domain.Errorf(domain.KindNotFound, "section not found")
}
