package domain

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Length limits for short texts, in characters (runes), so Cyrillic counts the same as Latin.
const (
	MaxNameLength     = 200
	MaxTitleLength    = 300
	MaxEmailLength    = 254
	MaxLongTextLength = 100_000
)

// CheckText reports a problem when s is not valid UTF-8, holds control characters other than line
// breaks and tabs (only when multiline), or is longer than max runes. field names the input in messages.
func CheckText(field, s string, max int, multiline bool) *Problem {
	if !utf8.ValidString(s) {
		return NewProblem(field, ProblemInvalidUTF8)
	}
	if n := utf8.RuneCountInString(s); n > max {
		return NewProblem(field, ProblemTooLong, n, max)
	}
	for _, r := range s {
		if isForbiddenControl(r, multiline) {
			return NewProblem(field, ProblemControlChar, r)
		}
	}
	return nil
}

func isForbiddenControl(r rune, multiline bool) bool {
	if multiline && (r == '\n' || r == '\r' || r == '\t') {
		return false
	}
	return unicode.IsControl(r)
}

// CheckRequiredText is CheckText for a single-line text that must not be blank.
func CheckRequiredText(field, s string, max int) *Problem {
	if strings.TrimSpace(s) == "" {
		return NewProblem(field, ProblemRequired)
	}
	return CheckText(field, s, max, false)
}

// NormalizeEmail lower-cases and trims an address so that uniqueness is case-insensitive.
func NormalizeEmail(email string) string {
	return strings.ToLower(strings.TrimSpace(email))
}

// CheckEmail reports a problem when email does not look like an address. Deliverability is not
// checked: the people who use this often rely on privacy-preserving mail providers.
func CheckEmail(field, email string) *Problem {
	if p := CheckRequiredText(field, email, MaxEmailLength); p != nil {
		return p
	}
	at := strings.LastIndexByte(email, '@')
	if at < 1 || at == len(email)-1 || strings.ContainsAny(email, " \t<>") {
		return NewProblem(field, ProblemNotEmail)
	}
	return nil
}

// Problems collects non-nil problems.
func Problems(ps ...*Problem) []Problem {
	var out []Problem
	for _, p := range ps {
		if p != nil {
			out = append(out, *p)
		}
	}
	return out
}
