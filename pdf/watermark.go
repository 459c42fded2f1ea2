package pdf

import (
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The DRAFT watermark is painted from the bold face's glyph outlines rather
// than set as text: it then never shows up in copied or extracted text, and
// pdftotext reads the body exactly as written. It is drawn first on each
// page, in light grey, so the body prints on top of it. The outlines live in
// one form XObject (a gofpdf template) that every page refers to, instead of
// a copy of a few kilobytes of path in each page.

const (
	watermarkGrey     = "0.88"
	watermarkMaxPt    = 120.0 // letter size cap, so a short word is not huge
	watermarkDiagonal = 0.72  // share of the page diagonal the word may span
	watermarkTracking = 0.08  // extra space between letters, in em
)

var watermarks sync.Map // word -> gofpdf.Template

// watermark returns a page-sized template painting word across an A4 page.
// It is built once per word; templates are only read when used, so
// documents rendered at the same time can share one.
func watermark(word string) gofpdf.Template {
	if t, ok := watermarks.Load(word); ok {
		return t.(gofpdf.Template)
	}
	ops := watermarkOps(faces[bold], word)
	t := gofpdf.CreateTpl(gofpdf.PointType{}, gofpdf.SizeType{Wd: pageWidth, Ht: pageHeight}, "P", "mm", "",
		func(tpl *gofpdf.Tpl) { tpl.RawWriteStr(ops) })
	shared, _ := watermarks.LoadOrStore(word, namedTemplate{Template: t, id: t.ID()})
	return shared.(gofpdf.Template)
}

// namedTemplate is a template whose ID is computed once. gofpdf's is the SHA-1 of the template's bytes,
// computed each time it is asked for, twice for every page the watermark is drawn on (4 % of a package
// PDF's CPU for its 200-odd pages); the name it gives is the same.
type namedTemplate struct {
	gofpdf.Template
	id string
}

func (t namedTemplate) ID() string { return t.id }

// watermarkOps returns the content-stream operators that paint word.
func watermarkOps(fc *face, word string) string {
	var path strings.Builder
	var buf sfnt.Buffer
	ppem := fixed.Int26_6(fc.font.UnitsPerEm()) // outlines in raw font units
	pen := 0.0
	for i, r := range word {
		if i > 0 {
			pen += watermarkTracking * fc.upem
		}
		g, err := fc.font.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			continue
		}
		segs, err := fc.font.LoadGlyph(&buf, g, ppem, nil)
		if err != nil {
			continue
		}
		appendOutline(&path, segs, pen)
		adv, _ := fc.font.GlyphAdvance(&buf, g, ppem, 0)
		pen += float64(adv)
	}
	const pageW, pageH = 595.28, 841.89 // A4 in points
	theta := math.Atan2(pageH, pageW)
	size := math.Min(watermarkMaxPt, watermarkDiagonal*math.Hypot(pageW, pageH)/(pen/fc.upem))
	s := size / fc.upem
	capHeight := 0.7 * fc.upem
	cos, sin := math.Cos(theta), math.Sin(theta)
	e := pageW/2 + s*(-cos*pen/2+sin*capHeight/2)
	f := pageH/2 + s*(-sin*pen/2-cos*capHeight/2)
	m := []float64{s * cos, s * sin, -s * sin, s * cos, e, f}
	var ops strings.Builder
	ops.WriteString("q " + watermarkGrey + " g")
	for _, v := range m {
		ops.WriteString(" " + strconv.FormatFloat(v, 'f', 5, 64))
	}
	ops.WriteString(" cm\n")
	ops.WriteString(path.String())
	ops.WriteString("f Q")
	return ops.String()
}

// appendOutline writes one glyph's contours as path operators, shifted
// right by pen and flipped so y grows upwards as PDF expects.
func appendOutline(b *strings.Builder, segs sfnt.Segments, pen float64) {
	pt := func(p fixed.Point26_6) (float64, float64) { return pen + float64(p.X), -float64(p.Y) }
	var lastX, lastY float64
	for _, seg := range segs {
		switch seg.Op {
		case sfnt.SegmentOpMoveTo:
			lastX, lastY = pt(seg.Args[0])
			writeOp(b, "m", lastX, lastY)
		case sfnt.SegmentOpLineTo:
			lastX, lastY = pt(seg.Args[0])
			writeOp(b, "l", lastX, lastY)
		case sfnt.SegmentOpQuadTo:
			// PDF has only cubic curves; raise the quadratic's degree.
			qx, qy := pt(seg.Args[0])
			x, y := pt(seg.Args[1])
			writeOp(b, "c", lastX+2*(qx-lastX)/3, lastY+2*(qy-lastY)/3, x+2*(qx-x)/3, y+2*(qy-y)/3, x, y)
			lastX, lastY = x, y
		case sfnt.SegmentOpCubeTo:
			x1, y1 := pt(seg.Args[0])
			x2, y2 := pt(seg.Args[1])
			lastX, lastY = pt(seg.Args[2])
			writeOp(b, "c", x1, y1, x2, y2, lastX, lastY)
		}
	}
}

func writeOp(b *strings.Builder, op string, coords ...float64) {
	for _, c := range coords {
		b.WriteString(strconv.FormatFloat(math.Round(c)+0, 'f', -1, 64)) // +0: no "-0"
		b.WriteByte(' ')
	}
	b.WriteString(op)
	b.WriteByte('\n')
}
