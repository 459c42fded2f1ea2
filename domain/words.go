package domain

import (
	"strings"
	"unicode"
)

// CountWords counts words the way a reader would, in any script: a word is a run of letters, digits and
// combining marks, where a hyphen or apostrophe inside it ("ВИЧ-инфекция", "people's") does not split it.
// Punctuation, dashes and symbols standing alone are not words.
func CountWords(s string) int {
	n := 0
	for _, token := range strings.FieldsFunc(s, isWordSeparator) {
		if strings.IndexFunc(token, isWordCore) >= 0 {
			n++
		}
	}
	return n
}

func isWordCore(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r) }

// isWordSeparator keeps letters, digits, marks and the joiners that may sit inside a word.
func isWordSeparator(r rune) bool {
	switch {
	case isWordCore(r), unicode.Is(unicode.M, r):
		return false
	case r == '-' || r == '\'' || r == '’' || r == '‐' || r == '\u00AD':
		return false
	}
	return true
}
