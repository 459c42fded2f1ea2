package pdf

import (
	"math"
	"strconv"
	"unicode/utf8"
	"unsafe"

	"github.com/jung-kurt/gofpdf"
)

// gofpdf formats every text and rectangle operator with fmt.Sprintf, converts each string to UTF-16
// through a fresh allocation and records every rune of it in a map for the font subset. A submission
// package prints 2,000 budget lines in each language (about 190 and 260 pages), and those three costs
// were a fifth of its CPU (pprof, 15 packages: Fpdf.Text 15%, Fpdf.Rect 4%). The renderer therefore
// writes the two operators itself, byte for byte as gofpdf would (the golden hashes in testdata hold
// it to that), and passes a string to gofpdf's own Text only while it holds a rune not yet drawn in the
// current face, so the embedded subset still gets every glyph the page shows.
//
// The operators written here do not go into gofpdf's pages at all. gofpdf keeps each page in a
// bytes.Buffer grown by doubling, copies every page into a string and then into its output buffer (grown
// by doubling too) at Output, and deflateStreams copied it once more: for a package's 5 MB of page
// content, about 30 MB of allocation and as many bytes moved. The operators are kept in pooled chunks
// instead (pageContent), each run of them between two of gofpdf's own writes standing in its page as a
// one-line marker, written when gofpdf is about to write to the page or change it (pdf());
// deflateStreams puts the runs back in the markers' places as it compresses the pages. The bytes of
// every page are those gofpdf would have had (the golden hashes hold it to that).
type rawWriter struct {
	content *pageContent
	marker  []byte
	// drawn holds, per face and for its fallback, the runes gofpdf's Text has recorded for the subset.
	drawn [2 * numStyles]runeSet
}

// put sets s from x on baseline y in the face gofpdf has current: style's Go face, or its fallback.
func (r *renderer) put(x, y float64, s string, fallback bool) {
	if !r.putRaw(x, y, s, fallback) {
		r.putGofpdf(x, y, s, fallback)
	}
}

// putGofpdf sets s with gofpdf's Text, which records its runes for the font subset.
func (r *renderer) putGofpdf(x, y float64, s string, fallback bool) {
	r.pdf().Text(x, y, s)
	r.raw.drawn[2*int(r.style.face)+boolIndex(fallback)].addAll(s)
}

// putRaw writes s as gofpdf's Text would and reports true, unless the text colour is not a grey or s
// has a rune gofpdf has not drawn yet in the face; then it writes nothing and reports false.
func (r *renderer) putRaw(x, y float64, s string, fallback bool) bool {
	tr, tg, tb := r.fpdf.GetTextColor()
	if tr != tg || tg != tb {
		return false
	}
	// gofpdf wraps text in its own colour when the fill colour differs from it (Fpdf.colorFlag).
	fr, fg, fb := r.fpdf.GetFillColor()
	coloured := fr != tr || fg != tg || fb != tb
	b := r.raw.content.reserve(64 + 4*len(s)) // UTF-16, every byte escaped at worst
	if coloured {
		b = append(b, "q "...)
		b = strconv.AppendFloat(b, float64(tr)/255, 'f', 3, 64)
		b = append(b, " g "...)
	}
	k := r.fpdf.GetConversionRatio()
	_, h := r.fpdf.GetPageSize()
	b = append(b, "BT "...)
	b = appendHundredths(b, x*k)
	b = append(b, ' ')
	b = appendHundredths(b, (h-y)*k)
	b = append(b, " Td ("...)
	b, ok := appendUTF16Escaped(b, s, &r.raw.drawn[2*int(r.style.face)+boolIndex(fallback)])
	if !ok {
		return false // b is dropped: the chunk keeps its length
	}
	b = append(b, ") Tj ET"...)
	if coloured {
		b = append(b, " Q"...)
	}
	r.raw.content.chunk = append(b, '\n')
	return true
}

// rect draws a rectangle as gofpdf's Rect does; op is the painting operator ("S" to stroke, "B" to fill
// and stroke, "f" to fill).
func (r *renderer) rect(x, y, w, h float64, op string) {
	k := r.fpdf.GetConversionRatio()
	_, ph := r.fpdf.GetPageSize()
	b := appendHundredths(r.raw.content.reserve(128), x*k)
	b = append(b, ' ')
	b = appendHundredths(b, (ph-y)*k)
	b = append(b, ' ')
	b = appendHundredths(b, w*k)
	b = append(b, ' ')
	b = appendHundredths(b, -h*k)
	b = append(b, " re "...)
	b = append(b, op...)
	r.raw.content.chunk = append(b, '\n')
}

// pdf returns the document for a call that may write to the current page or change it, after ending
// the run of operators written since gofpdf last wrote, so that the page keeps the order things were
// drawn in: the run's marker goes into the page where the run belongs. Calls that only read gofpdf's
// state use r.fpdf.
func (r *renderer) pdf() *gofpdf.Fpdf {
	if n, ended := r.raw.content.endRun(); ended {
		r.raw.marker = strconv.AppendInt(append(r.raw.marker[:0], runMarker...), int64(n), 10)
		// The string shares the marker's bytes: gofpdf copies it into the page and keeps nothing.
		r.fpdf.RawWriteStr(unsafe.String(&r.raw.marker[0], len(r.raw.marker)))
	}
	return r.fpdf
}

// runMarker starts the line that stands in a page for run N: "%iduit N" (a comment, to PDF). gofpdf
// writes nothing else that could match it. Outside a text string it writes operators and numbers, no
// '%'. A text string is UTF-16BE of sanitised runes, a backslash put before some bytes and a carriage
// return byte written as \r; in it no two lower-case letters follow each other. A letter can only be a
// low byte, or the r standing for one, and what follows is a high byte or the string's end: a high
// byte 'a'…'z' would make a rune of U+6100–U+7AFF, CJK ideographs, which no face draws and sanitise
// has replaced (TestRunMarkerCannotBeText).
const runMarker = "%iduit "

// appendHundredths appends v with two decimals, the bytes strconv.AppendFloat(b, v, 'f', 2, 64) gives
// (gofpdf's %.2f), without its general algorithm: six numbers per table cell made it a tenth of a
// package PDF's CPU. v·100 computed in float64 is within 1e-7 of the exact product below 1e9, so it
// rounds the same way unless it is that close to a tie, which strconv settles.
func appendHundredths(b []byte, v float64) []byte {
	s := math.Abs(v) * 100
	if !(s < 1e9) {
		return strconv.AppendFloat(b, v, 'f', 2, 64) // large, infinite or NaN
	}
	whole := math.Floor(s)
	frac := s - whole
	if math.Abs(frac-0.5) < 1e-6 {
		return strconv.AppendFloat(b, v, 'f', 2, 64)
	}
	n := uint64(whole)
	if frac > 0.5 {
		n++
	}
	if math.Signbit(v) {
		b = append(b, '-') // as strconv: -0.001 is "-0.00"
	}
	b = strconv.AppendUint(b, n/100, 10)
	return append(b, '.', byte('0'+n/10%10), byte('0'+n%10))
}

// appendUTF16Escaped appends s as gofpdf writes text in a UTF-8 font: UTF-16BE without a byte order
// mark, every byte that is a backslash, a parenthesis or a carriage return escaped. s is sanitised, so
// valid and within the Basic Multilingual Plane. ok is false, and b not to be used, when s has a rune
// not in drawn. (One pass for both: a line was scanned three times, for its fallback runes, for runes
// not drawn yet, and to encode it.)
func appendUTF16Escaped(b []byte, s string, drawn *runeSet) (_ []byte, ok bool) {
	for i := 0; i < len(s); {
		c, size := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if !drawn.has(c) {
			return b, false
		}
		for _, x := range [2]byte{byte(c >> 8), byte(c)} {
			switch x {
			case '\\', '(', ')':
				b = append(b, '\\', x)
			case '\r':
				b = append(b, '\\', 'r')
			default:
				b = append(b, x)
			}
		}
	}
	return b, true
}

// addAll adds every rune of text within the set's plane.
func (s *runeSet) addAll(text string) {
	for _, c := range text {
		if c < 0x10000 {
			s.add(c)
		}
	}
}

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}
