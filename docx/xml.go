package docx

import (
	"bytes"
	"unicode/utf8"
)

// XML 1.0 cannot hold most control characters at all, not even escaped, and a Word file with one
// does not open. Typed answers may carry them (pasted from other programs), so they are dropped here,
// as are U+FFFE and U+FFFF; invalid UTF-8 becomes U+FFFD so the reader sees something was there.

// escape writes s as XML character data or attribute text. With multiline false, line breaks become
// spaces (headings, labels, attributes); with it true they are kept as '\n' for the caller to turn into
// line breaks.
func escape(b *bytes.Buffer, s string, multiline bool) {
	start := 0
	flush := func(i int) {
		b.WriteString(s[start:i])
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '&' && c != '<' && c != '>' && c != '"' {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				flush(i)
				b.WriteString("\uFFFD")
			case r == 0xFFFE || r == 0xFFFF:
				flush(i)
			case r == '\u2028' || r == '\u2029':
				flush(i)
				b.WriteByte(lineBreak(multiline))
			default:
				i += size
				continue
			}
			i += size
			start = i
			continue
		}
		flush(i)
		switch c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\t':
			b.WriteByte('\t')
		case '\n':
			b.WriteByte(lineBreak(multiline))
		case '\r':
			if i+1 >= len(s) || s[i+1] != '\n' {
				b.WriteByte(lineBreak(multiline))
			}
		}
		i++
		start = i
	}
	flush(len(s))
}

func lineBreak(multiline bool) byte {
	if multiline {
		return '\n'
	}
	return ' '
}

// attr writes name="value" with value escaped on one line.
func attr(b *bytes.Buffer, name, value string) {
	b.WriteByte(' ')
	b.WriteString(name)
	b.WriteString(`="`)
	escape(b, value, false)
	b.WriteByte('"')
}
