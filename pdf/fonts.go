package pdf

import (
	_ "embed"
	"fmt"
	"math"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// fontFamily is the name the Go faces are registered under in every document;
// fallbackFamily names the faces that draw what the Go fonts lack. gofpdf
// writes them into the PDF as the font names (utf8go, utf8dejavuB, ...).
const (
	fontFamily     = "go"
	fallbackFamily = "dejavu"
)

// style picks one of the embedded faces. There is no italic: each face
// embedded costs a render 4.6 MB and about 3.5 ms in gofpdf (parsing, an ID
// hashed from JSON, two fresh zlib writers; see PERFORMANCE.md), so
// secondary text is set in grey instead.
type style int

const (
	regular style = iota
	bold
	numStyles
)

// face is one embedded TrueType face and the advance widths gofpdf will
// write for it, so that line breaking here agrees with the PDF's /W array.
// A Go face has a fallback for the runes it lacks; its widths then include
// the fallback's for those runes, so a line is measured as it is printed.
// Its pointers come first so that the garbage collector, which scans an
// object up to its last pointer, does not scan the width table.
type face struct {
	code     string // gofpdf style code: "", "B" or "I"
	ttf      []byte
	font     *sfnt.Font
	fallback *face // draws the runes in fromFallback; nil for a fallback itself
	upem     float64
	width    [0x10000]uint16 // advance per BMP rune in 1/1000 em
	// fromFallback holds the runes set in the fallback face.
	fromFallback runeSet
}

// The fallback faces are DejaVu Sans cut down to the Cyrillic letters the Go
// fonts lack, Kyrgyz and Kazakh among them; fonts/README.md says how.
var (
	//go:embed fonts/DejaVuSans-CyrillicExt.ttf
	fallbackRegularTTF []byte
	//go:embed fonts/DejaVuSans-Bold-CyrillicExt.ttf
	fallbackBoldTTF []byte
)

// faces are parsed once per process; documents only copy the bytes.
var faces = [numStyles]*face{
	regular: withFallback(mustLoadFace("", textHyphen(goregular.TTF)), mustLoadFace("", fallbackRegularTTF)),
	bold:    withFallback(mustLoadFace("B", textHyphen(gobold.TTF)), mustLoadFace("B", fallbackBoldTTF)),
}

// covered holds, one bit per BMP rune, the runes every face can draw (with its
// fallback). Text is checked against all faces at once so a change of style
// never meets a gap.
var covered = coverage(faces[:])

// runeSet is a bitmap over the Basic Multilingual Plane, the only plane
// gofpdf's UTF-8 text encoding handles.
type runeSet [0x10000 / 64]uint64

func (s *runeSet) add(r rune) { s[r/64] |= 1 << (r % 64) }

func (s *runeSet) has(r rune) bool { return r >= 0 && r < 0x10000 && s[r/64]&(1<<(r%64)) != 0 }

// replacementRune stands in for characters the fonts cannot draw. The Go
// fonts carry U+FFFD; "?" is the fallback should that ever change.
var replacementRune = pickReplacement()

func mustLoadFace(code string, ttf []byte) *face {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		panic(fmt.Sprintf("pdf: embedded font %q does not parse: %v", code, err))
	}
	fc := &face{code: code, ttf: ttf, font: f, upem: float64(f.UnitsPerEm())}
	// With ppem equal to units per em, sfnt reports raw font units.
	ppem := fixed.Int26_6(f.UnitsPerEm())
	var buf sfnt.Buffer
	for r := rune(1); r < 0x10000; r++ {
		g, err := f.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			continue
		}
		adv, err := f.GlyphAdvance(&buf, g, ppem, 0)
		if err != nil {
			continue
		}
		// The same rounding gofpdf applies when it reads the hmtx table.
		w := math.Round(1000 / fc.upem * float64(adv))
		fc.width[r] = uint16(w)
		if w == 0 {
			fc.width[r] = zeroWidth
		}
	}
	return fc
}

// withFallback gives fc the runes fb has and fc lacks.
func withFallback(fc, fb *face) *face {
	fc.fallback = fb
	for r := rune(1); r < 0x10000; r++ {
		if fc.width[r] == 0 && fb.width[r] != 0 {
			fc.width[r] = fb.width[r]
			fc.fromFallback.add(r)
		}
	}
	return fc
}

// zeroWidth marks a covered rune whose glyph has no advance (as gofpdf does
// with 65535), keeping 0 free to mean "not in the font".
const zeroWidth = math.MaxUint16

func coverage(fs []*face) *runeSet {
	var set runeSet
	for r := rune(1); r < 0x10000; r++ {
		all := true
		for _, f := range fs {
			if f.width[r] == 0 {
				all = false
				break
			}
		}
		if all {
			set.add(r)
		}
	}
	return &set
}

// hasGlyph reports whether every style can draw r, from its Go face or its fallback.
func hasGlyph(r rune) bool {
	return covered.has(r)
}

func pickReplacement() rune {
	if hasGlyph('\uFFFD') {
		return '\uFFFD'
	}
	return '?'
}

// runeWidth returns the advance of r in 1/1000 em; r must be sanitised.
func (fc *face) runeWidth(r rune) int {
	if r >= 0x10000 || fc.width[r] == zeroWidth {
		return 0
	}
	return int(fc.width[r])
}

// advance returns the width of s in 1/1000 em; s must be sanitised.
func (fc *face) advance(s string) int {
	w := 0
	for _, r := range s {
		w += fc.runeWidth(r)
	}
	return w
}

// needsFallback reports whether s has a rune that fc's fallback draws.
func (fc *face) needsFallback(s string) bool {
	for _, r := range s {
		if fc.fromFallback.has(r) {
			return true
		}
	}
	return false
}

// run returns the length in bytes of the longest start of s set in one face,
// and whether that face is the fallback.
func (fc *face) run(s string) (n int, fallback bool) {
	for i, r := range s {
		if fb := fc.fromFallback.has(r); i == 0 {
			fallback = fb
		} else if fb != fallback {
			return i, fallback
		}
	}
	return len(s), fallback
}

// addFonts registers the Go faces with a document. Each document gets its own
// copy of the bytes: gofpdf writes into the font slice while subsetting, so
// documents rendered at the same time must not share one.
func addFonts(pdf *gofpdf.Fpdf) {
	for _, fc := range faces {
		pdf.AddUTF8FontFromBytes(fontFamily, fc.code, append([]byte(nil), fc.ttf...))
	}
}

// addFallback registers the fallback of fc with a document. The renderer
// calls it only when a rune needs it: gofpdf embeds every face registered,
// used or not, at the cost of one more face (see PERFORMANCE.md).
func addFallback(pdf *gofpdf.Fpdf, fc *face) {
	pdf.AddUTF8FontFromBytes(fallbackFamily, fc.code, append([]byte(nil), fc.fallback.ttf...))
}
