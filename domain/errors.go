// Package domain holds iduit's own vocabulary: the values a proposal is made of, the rules that need no
// storage, and the small closed set of error kinds every layer speaks. It imports nothing of the project.
package domain

import (
	"errors"
	"fmt"
)

// Kind classifies an error so that one place (the API's problem writer) can choose the HTTP status;
// the set is closed on purpose: a new kind is a decision, not a side effect.
type Kind string

// The error kinds. Anything else is internal and is shown to users only as a generic message.
const (
	KindInvalid              Kind = "invalid"
	KindUnauthenticated      Kind = "unauthenticated"
	KindForbidden            Kind = "forbidden"
	KindNotFound             Kind = "not_found"
	KindConflict             Kind = "conflict"
	KindPreconditionFailed   Kind = "precondition_failed"
	KindPreconditionRequired Kind = "precondition_required"
	KindUnprocessable        Kind = "unprocessable"
	KindTooLarge             Kind = "too_large"
	// KindUnsupportedMediaType refuses content of a type the server does not take (an uploaded file).
	KindUnsupportedMediaType Kind = "unsupported_media_type"
	KindTooManyRequests      Kind = "too_many_requests"
	KindUnavailable          Kind = "unavailable"
	KindInternal             Kind = "internal"
)

// Error is an error with a kind, a message safe to show to the user, and optional details that the
// problem response carries as extension members (for example the current version after a stale save).
type Error struct {
	Kind    Kind
	Message string
	// Problems lists individual input problems, so one 400 can name every bad field at once.
	Problems []Problem
	// Extra carries machine-readable context such as "current_version".
	Extra map[string]any
	// Code names the message for translation (see messages.go); Args are what its translations need.
	Code string
	Args []any
}

// Problem names one bad part of a request. Message is English (the API's clients read it); Code and Args
// let the pages say the same thing in the reader's language (see problems.go). They stay out of the JSON:
// the API's problem shape is documented and clients rely on it.
type Problem struct {
	Field   string `json:"field"`
	Message string `json:"message"`
	Code    string `json:"-"`
	Args    []any  `json:"-"`
}

func (e *Error) Error() string { return string(e.Kind) + ": " + e.Message }

// Errorf builds an Error of the given kind with a formatted, user-safe message.
func Errorf(kind Kind, format string, args ...any) *Error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...)}
}

// Invalid builds a KindInvalid error that lists every problem found.
func Invalid(message string, problems ...Problem) *Error {
	return &Error{Kind: KindInvalid, Message: message, Problems: problems}
}

// ErrorKind returns the kind of err, or KindInternal when err carries none.
func ErrorKind(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindInternal
}

// AsError returns the domain error inside err, if any.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}
