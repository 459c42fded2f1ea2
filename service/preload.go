package service

import (
	"context"
	"sync/atomic"

	"iduit/domain"
	"iduit/models"
)

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

func withPreloaded(ctx context.Context, pre *preloaded) context.Context {
	return context.WithValue(ctx, preloadedKey{}, pre)
}

// takePreloaded returns what was loaded with the session if it is the proposal asked for, by the same
// user, and has not been used yet; nil otherwise.
func takePreloaded(ctx context.Context, userID, proposalID string) *preloaded {
	pre, _ := ctx.Value(preloadedKey{}).(*preloaded)
	if pre == nil || pre.userID != userID || pre.proposal.ID != proposalID || !pre.taken.CompareAndSwap(false, true) {
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
