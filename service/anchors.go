package service

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Anchor is where a quoted passage stands in a field's current text, in characters.
type Anchor struct {
	Start, End int
}

// locate finds quote in text again after edits. Every exact occurrence is a candidate and the one
// nearest the old position wins (the same phrase may appear twice); failing that, the quote's words are
// matched across changed spacing and case. No match means the passage is gone: the comment is outdated.
func locate(text, quote string, hint int) (Anchor, bool) {
	if quote == "" || !utf8.ValidString(quote) || !utf8.ValidString(text) {
		return Anchor{}, false // stored text is always valid UTF-8; byte matches inside a character mean nothing
	}
	best, found := -1, false
	for from := 0; ; {
		i := strings.Index(text[from:], quote)
		if i < 0 {
			break
		}
		pos := utf8.RuneCountInString(text[:from+i])
		if !found || abs(pos-hint) < abs(best-hint) {
			best, found = pos, true
		}
		from += i + len(quote)
	}
	if found {
		return Anchor{Start: best, End: best + utf8.RuneCountInString(quote)}, true
	}
	return locateLoosely(text, quote, hint)
}

func locateLoosely(text, quote string, hint int) (Anchor, bool) {
	words := strings.Fields(quote)
	if len(words) == 0 {
		return Anchor{}, false
	}
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	re := regexp.MustCompile(`(?i)` + strings.Join(words, `\s+`)) // quoted words of valid UTF-8 always compile
	var best Anchor
	found := false
	for _, m := range re.FindAllStringIndex(text, -1) {
		a := Anchor{Start: utf8.RuneCountInString(text[:m[0]]), End: utf8.RuneCountInString(text[:m[1]])}
		if !found || abs(a.Start-hint) < abs(best.Start-hint) {
			best, found = a, true
		}
	}
	return best, found
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
