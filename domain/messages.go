package domain

import "fmt"

// The errors people meet most, each with a stable code so that the web pages (and any API client) can
// say it in the reader's language; Message stays the English text the API sends as its detail.

// Coded builds an Error with a code and the arguments its translations need.
func Coded(kind Kind, code string, args []any, format string) *Error {
	return &Error{Kind: kind, Code: code, Args: args, Message: fmt.Sprintf(format, args...)}
}

// ErrProposalFinal refuses a change to a final proposal.
func ErrProposalFinal() *Error {
	return Coded(KindConflict, "proposal_final", nil, "the proposal is final and read-only; the owner can reopen it")
}

// ErrRoleForbids refuses an action the member's role does not allow.
func ErrRoleForbids(role Role) *Error {
	return Coded(KindForbidden, "role_forbids", []any{string(role)}, "your role on this proposal (%s) does not allow this")
}

// ErrStaleVersion refuses a save made against a version someone has since replaced.
func ErrStaleVersion(what string, current, expected int) *Error {
	e := Coded(KindPreconditionFailed, "stale_version", []any{current, expected},
		"this "+what+" is at version %d, not %d: someone saved it after you opened it; reload, merge and save again")
	e.Extra = map[string]any{"current_version": current}
	return e
}

// ErrWrongCredentials answers a failed sign-in without saying which half was wrong.
func ErrWrongCredentials() *Error {
	return Coded(KindUnauthenticated, "wrong_credentials", nil, "the email or password is wrong")
}

// ErrSessionEnded answers a token that has expired or was signed out.
func ErrSessionEnded() *Error {
	return Coded(KindUnauthenticated, "session_ended", nil, "the session has expired or was signed out; sign in again")
}

// ErrTooManySignIns refuses sign-ins for a while after repeated failures.
func ErrTooManySignIns(seconds int) *Error {
	e := Coded(KindTooManyRequests, "too_many_sign_ins", []any{seconds}, "too many failed sign-ins; try again in %d seconds")
	e.Extra = map[string]any{"retry_after": seconds}
	return e
}

// ErrNotAuthor refuses changing someone else's comment.
func ErrNotAuthor() *Error {
	return Coded(KindForbidden, "not_author", nil, "only the author of a comment may change or delete it")
}

// ErrLastOwner refuses removing a proposal's only owner.
func ErrLastOwner() *Error {
	return Coded(KindConflict, "last_owner", nil, "the last owner cannot be removed; add another owner first")
}

// ErrEmailTaken refuses a second account for one email.
func ErrEmailTaken() *Error {
	return Coded(KindConflict, "email_taken", nil, "an account with this email already exists")
}

// ErrBadTransition refuses a status change the workflow does not have.
func ErrBadTransition(from, to string) *Error {
	return Coded(KindConflict, "bad_transition", []any{from, to}, "a proposal cannot go from %s to %s")
}

// ErrNotReady refuses marking a proposal final while the check finds errors.
func ErrNotReady(errors int) *Error {
	return Coded(KindUnprocessable, "not_ready", []any{errors}, "the check for errors found %d error(s); fix them before marking the proposal final")
}

// ErrBudgetFirst refuses indicators before the budget's grant years exist.
func ErrBudgetFirst() *Error {
	return Coded(KindConflict, "budget_first", nil, "save the budget first: targets are set for its grant years")
}

// ErrRenderBusy answers a PDF request past the render queue.
func ErrRenderBusy() *Error {
	return Coded(KindUnavailable, "render_busy", nil, "the server is busy making other PDFs; try again in a few seconds")
}

// ErrDiffBusy answers a comparison of two versions past the diff queue.
func ErrDiffBusy() *Error {
	return Coded(KindUnavailable, "diff_busy", nil, "the server is busy comparing other versions; try again in a few seconds")
}

// ErrOwnShareBusy answers an account that already has its share of PDFs or comparisons in progress, so
// that its requests wait for its own work, not everyone else's.
func ErrOwnShareBusy() *Error {
	e := Coded(KindTooManyRequests, "own_share_busy", nil, "you already have several PDFs or comparisons in progress; try again when they are done")
	e.Extra = map[string]any{"retry_after": 5}
	return e
}

// ErrStorageFull answers a write the disk cannot take.
func ErrStorageFull() *Error {
	return Coded(KindUnavailable, "storage_full", nil, "the server cannot store anything right now (its disk is full or read-only); nothing was saved")
}

// ErrDatabaseDown answers while the database cannot be reached.
func ErrDatabaseDown() *Error {
	return Coded(KindUnavailable, "database_down", nil, "the database is not available; try again shortly")
}

// ErrPasswordsBusy answers a sign-up or sign-in that found every password-hashing slot taken for longer
// than it may wait: the server is shedding a burst rather than running out of memory.
func ErrPasswordsBusy() *Error {
	return Coded(KindUnavailable, "passwords_busy", nil, "the server is busy checking other passwords; try again in a few seconds")
}
