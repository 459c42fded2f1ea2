package domain

import "time"

// Suggestion statuses. Open, accepted, rejected and withdrawn are stored; outdated is an open suggestion
// whose quote is no longer in the text, computed when it is shown.
const (
	SuggestionOpen      = "open"
	SuggestionAccepted  = "accepted"
	SuggestionRejected  = "rejected"
	SuggestionWithdrawn = "withdrawn"
	SuggestionOutdated  = "outdated"
)

// Suggestion is proposed new wording for a quoted passage of one text field in one language, the way
// tracked changes work in a word processor: the authors accept or reject it.
type Suggestion struct {
	ID         string
	ProposalID string
	SectionKey string
	FieldKey   string
	Lang       string
	Quote      string
	// QuoteStart is where the quote began, in characters, when it was made: a hint for finding it again.
	QuoteStart  int
	Replacement string
	Comment     string
	Author      User
	Status      string
	DecidedBy   string
	DecidedAt   *time.Time
	// Revision is the section revision an accepted suggestion made.
	Revision  int
	CreatedAt time.Time
}

// Activity and notification kinds of suggestions. An accepted suggestion's activity entry is written by
// the section save that applies it: its actor is the acceptor, its subject the suggester's id.
const (
	ActivitySuggestionAdded     = "suggestion_added"
	ActivitySuggestionAccepted  = "suggestion_accepted"
	ActivitySuggestionRejected  = "suggestion_rejected"
	ActivitySuggestionWithdrawn = "suggestion_withdrawn"

	NotificationSuggestionAccepted = "suggestion_accepted"
	NotificationSuggestionRejected = "suggestion_rejected"
)

// ErrSuggestionClosed refuses a decision on a suggestion already accepted, rejected or withdrawn.
func ErrSuggestionClosed() *Error {
	return Coded(KindConflict, "suggestion_closed", nil, "the suggestion was already accepted, rejected or withdrawn")
}

// ErrSuggestionOutdated refuses to accept a suggestion whose quoted passage is no longer in the text.
func ErrSuggestionOutdated() *Error {
	return Coded(KindConflict, "suggestion_outdated", nil, "the quoted passage is no longer in the text; the suggestion cannot be applied")
}

// ErrNotSuggester refuses a withdrawal by anyone but the person who suggested.
func ErrNotSuggester() *Error {
	return Coded(KindForbidden, "not_suggester", nil, "only the person who made a suggestion may withdraw it")
}
