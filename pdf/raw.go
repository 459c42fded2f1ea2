package pdf

import (
	"strconv"
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
// The operators are batched in pending and handed to gofpdf in one write when it is about to write to
// the page itself (pdf), at a page change and at the end. gofpdf keeps each page in a bytes.Buffer it
// grows by doubling; fed one operator at a time it reallocated each page's content several times
// (14 MB of garbage per package), and one write sizes it once.
type rawWriter struct {
	// pending holds whole lines, each ended by a line break, not yet given to gofpdf.
	pending []byte
	// drawn holds, per face and for its fallback, the runes gofpdf's Text has recorded for the subset.
	drawn [2 * numStyles]runeSet
}

// put sets s from x on baseline y in the face gofpdf has current: style's Go face, or its fallback.
func (r *renderer) put(x, y float64, s string, fallback bool) {
	drawn := &r.raw.drawn[2*int(r.style.face)+boolIndex(fallback)]
	tr, tg, tb := r.fpdf.GetTextColor()
	if tr != tg || tg != tb || !drawn.hasAll(s) {
		r.pdf().Text(x, y, s)
		drawn.addAll(s)
		return
	}
	// gofpdf wraps text in its own colour when the fill colour differs from it (Fpdf.colorFlag).
	fr, fg, fb := r.fpdf.GetFillColor()
	coloured := fr != tr || fg != tg || fb != tb
	b := r.raw.pending
	if coloured {
		b = append(b, "q "...)
		b = strconv.AppendFloat(b, float64(tr)/255, 'f', 3, 64)
		b = append(b, " g "...)
	}
	k := r.fpdf.GetConversionRatio()
	_, h := r.fpdf.GetPageSize()
	b = append(b, "BT "...)
	b = strconv.AppendFloat(b, x*k, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (h-y)*k, 'f', 2, 64)
	b = append(b, " Td ("...)
	b = appendUTF16Escaped(b, s)
	b = append(b, ") Tj ET"...)
	if coloured {
		b = append(b, " Q"...)
	}
	r.raw.pending = append(b, '\n')
}

// rect draws a rectangle as gofpdf's Rect does; op is the painting operator ("S" to stroke, "B" to fill
// and stroke, "f" to fill).
func (r *renderer) rect(x, y, w, h float64, op string) {
	k := r.fpdf.GetConversionRatio()
	_, ph := r.fpdf.GetPageSize()
	b := strconv.AppendFloat(r.raw.pending, x*k, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (ph-y)*k, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, w*k, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, -h*k, 'f', 2, 64)
	b = append(b, " re "...)
	b = append(b, op...)
	r.raw.pending = append(b, '\n')
}

// pdf returns the document for a call that may write to the current page or change it, after handing
// gofpdf the operators batched so far, so that the page keeps the order things were drawn in. Calls
// that only read its state use r.fpdf.
func (r *renderer) pdf() *gofpdf.Fpdf {
	if b := r.raw.pending; len(b) > 0 {
		// gofpdf ends every write with a line break, so the batch goes without its last one. The
		// string shares pending's bytes (no copy of the page): gofpdf copies it into the page and keeps
		// nothing, and pending is not touched until it returns.
		r.fpdf.RawWriteStr(unsafe.String(&b[0], len(b)-1))
		r.raw.pending = b[:0]
	}
	return r.fpdf
}

// appendUTF16Escaped appends s as gofpdf writes text in a UTF-8 font: UTF-16BE without a byte order
// mark, every byte that is a backslash, a parenthesis or a carriage return escaped. s is sanitised, so
// valid and within the Basic Multilingual Plane.
func appendUTF16Escaped(b []byte, s string) []byte {
	for _, c := range s {
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
	return b
}

// hasAll reports whether every rune of s is in the set.
func (s *runeSet) hasAll(text string) bool {
	for _, c := range text {
		if !s.has(c) {
			return false
		}
	}
	return true
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
