package pdf

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// sanitise makes s safe to hand to gofpdf: valid UTF-8 in NFC, no control or
// invisible format characters, and every rune one the fonts can draw. Runes the
// fonts lack become replacementRune so the reader sees that something was
// there. With multiline false, line breaks become spaces.
func sanitise(s string, multiline bool) string {
	if clean(s, multiline) {
		return s
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == '\r':
			if !strings.HasPrefix(s[i+1:], "\n") {
				b.WriteByte(lineBreak(multiline))
			}
		case r == '\n' || r == '\u2028' || r == '\u2029':
			b.WriteByte(lineBreak(multiline))
		case r == '\t':
			b.WriteByte(' ')
		case passThrough(r):
			b.WriteRune(r)
		case dashes[r] != 0:
			b.WriteRune(dashes[r])
		case invisible(r):
			// Nothing the reader could miss.
		case hasGlyph(r):
			b.WriteRune(r) // one that combines, already composed by NFC above
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(replacementRune)
		}
	}
	return b.String()
}

// dashes are the hyphens and dashes the fonts lack, printed as the ones they have: Word and phones type
// U+2010 HYPHEN and U+2011 NON-BREAKING HYPHEN in «Жалал‑Абад», which must print as a hyphen, not as
// the replacement mark.
var dashes = map[rune]rune{'\u2010': '-', '\u2011': '-', '\u2012': '–', '\u2015': '—', '\uFE63': '-', '\uFF0D': '-'}

// invisible runes are dropped: controls, format characters such as
// zero-width joiners, bidi marks and soft hyphens, and variation selectors.
func invisible(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r)
}

// kept holds the runes sanitise leaves as they are: drawable, visible, and
// never combining with the rune before them under NFC, so that text made
// only of them is already normalised and needs no further check.
var kept = func() *runeSet {
	var set runeSet
	for r := rune(' '); r < 0x10000; r++ {
		p := norm.NFC.PropertiesString(string(r))
		if hasGlyph(r) && !invisible(r) && p.BoundaryBefore() &&
			norm.NFC.IsNormalString(string(r)) {
			set.add(r)
		}
	}
	return &set
}()

// passThrough reports runes that sanitise keeps as they are.
func passThrough(r rune) bool { return kept.has(r) }

func lineBreak(multiline bool) byte {
	if multiline {
		return '\n'
	}
	return ' '
}

// clean reports whether sanitise would return s unchanged, so the common
// case of plain text costs no allocation.
func clean(s string, multiline bool) bool {
	for _, r := range s {
		if !passThrough(r) && (r != '\n' || !multiline) {
			return false
		}
	}
	return utf8.ValidString(s)
}

// wrap breaks text into lines no wider than maxWidth (in 1/1000 em of fc).
// Lines break at spaces; a word longer than a line is cut between runes.
// Line breaks in text are kept. The lines are substrings of text.
func (fc *face) wrap(text string, maxWidth int, out []string) []string {
	for line := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(line) == "" {
			out = append(out, "")
			continue
		}
		out = fc.wrapLine(line, maxWidth, out)
	}
	return out
}

func (fc *face) wrapLine(s string, maxWidth int, out []string) []string {
	for {
		s = strings.TrimLeft(s, " ")
		if s == "" {
			return out
		}
		cut, space, w := len(s), -1, 0
		for i, r := range s {
			if r == ' ' {
				space = i
			}
			w += fc.runeWidth(r)
			if w > maxWidth {
				cut = i
				break
			}
		}
		switch {
		case cut == len(s):
			return append(out, strings.TrimRight(s, " "))
		case space > 0:
			out = append(out, strings.TrimRight(s[:space], " "))
			s = s[space+1:]
		default:
			if cut == 0 { // not even one rune fits: print it anyway
				_, cut = utf8.DecodeRuneInString(s)
			}
			out = append(out, s[:cut])
			s = s[cut:]
		}
	}
}

// ellipsis shortens s to fit maxWidth, ending it with "…" when cut.
func (fc *face) ellipsis(s string, maxWidth int) string {
	if fc.advance(s) <= maxWidth {
		return s
	}
	maxWidth -= fc.runeWidth('…')
	w := 0
	for i, r := range s {
		w += fc.runeWidth(r)
		if w > maxWidth {
			// Cut between words, so no word is left half printed (a footer reading "Concept no…"); only a
			// single word too long for the room is cut inside.
			cut := s[:i]
			if sp := strings.LastIndexByte(cut, ' '); sp > 0 {
				cut = cut[:sp]
			}
			return strings.TrimRight(cut, " ,;:—–-") + "…"
		}
	}
	return s
}

// Undrawable lists, once each and in order of appearance, the characters of s the PDF fonts cannot draw
// and will print as a replacement mark, so the check for errors can warn before anyone downloads the
// PDF. Spaces, line breaks and invisible format characters are not listed: they are handled silently.
func Undrawable(s string) []rune {
	s = norm.NFC.String(s)
	var out []rune
	for _, r := range s {
		if hasGlyph(r) || dashes[r] != 0 || unicode.IsSpace(r) || invisible(r) || r == utf8.RuneError {
			continue
		}
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}
