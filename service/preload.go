package service

import (
	"context"
	"sync/atomic"

	"iduit/domain"
)

// preloaded is a proposal loaded together with the session that authenticated the request (see
// AuthenticateFor). It serves the request's first access check only: every action checks access before
// it writes, so that first check sees exactly what a query of its own would have seen, while a later
// look in the same request (after a write, say) goes to the database again.
type preloaded struct {
	userID   string
	proposal domain.Proposal
	taken    atomic.Bool
}

type preloadedKey struct{}

func withPreloaded(ctx context.Context, userID string, p domain.Proposal) context.Context {
	return context.WithValue(ctx, preloadedKey{}, &preloaded{userID: userID, proposal: p})
}

// takePreloaded returns the preloaded proposal if it is the one asked for, by the same user, and has not
// been used yet.
func takePreloaded(ctx context.Context, userID, proposalID string) (domain.Proposal, bool) {
	pre, _ := ctx.Value(preloadedKey{}).(*preloaded)
	if pre == nil || pre.userID != userID || pre.proposal.ID != proposalID || !pre.taken.CompareAndSwap(false, true) {
		return domain.Proposal{}, false
	}
	return pre.proposal, true
}
