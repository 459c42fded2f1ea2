package service

import (
	"context"
	"sync/atomic"

	"iduit/domain"
	"iduit/models"
)

// Access is who a request acts for, as authentication found them: the user and the session and, on a
// proposal's route, what AuthenticateFor read in the same query — the proposal with the caller's role,
// and the section when one was named. The section calls (Section, SaveSection, MergeSaveSection,
// Revisions, Revision, DiffRevisions, RestoreRevision) take an Access and check it instead of asking the
// database again. The rest of the service still takes a bare user; for them the handlers carry the
// access in the request's context (Context) until they take an Access too.
type Access struct {
	User    domain.User
	Session domain.Session
	// pre is what was read with the session, nil when nothing was (AccessOf, or not a proposal's route).
	pre *preloaded
}

// AccessOf is the access of a user with nothing read ahead: every check asks the database. The service
// uses it for its own calls (a restore is a save) and tests for theirs.
func AccessOf(user domain.User) Access { return Access{User: user} }

// Context carries a's preloaded proposal in ctx for the service calls that take a bare user (see
// Proposal); it is the old way and goes when they all take an Access.
func (a Access) Context(ctx context.Context) context.Context {
	if a.pre == nil {
		return ctx
	}
	return context.WithValue(ctx, preloadedKey{}, a.pre)
}

// preloaded is a proposal loaded together with the session that authenticated the request (see
// AuthenticateFor). It serves the request's first access check only: every action checks access before
// it writes, so that first check sees exactly what a query of its own would have seen, while a later
// look in the same request (after a write, say) goes to the database again.
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

type preloadedKey struct{}

// take returns what was loaded with the session if it is the proposal asked for and has not been used
// yet, first from the access and then from the context (for a caller that carried it there); nil
// otherwise.
func (a Access) take(ctx context.Context, proposalID string) *preloaded {
	pre := a.pre
	if pre == nil {
		pre, _ = ctx.Value(preloadedKey{}).(*preloaded)
	}
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
