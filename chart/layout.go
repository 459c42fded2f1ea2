package chart

import "strings"

// Kind is what a Shape draws.
type Kind int

// The shapes a layout is made of.
const (
	// KindRect is a filled rectangle from (X, Y) of size W × H.
	KindRect Kind = iota
	// KindLine is a stroked line from (X, Y) to (X+W, Y+H).
	KindLine
	// KindText is Text set at size Size with its baseline at Y, starting at X (or ending there, with End).
	KindText
)

// Colour is an sRGB colour.
type Colour struct{ R, G, B uint8 }

// The palette. Ink on Paper and OnBar on Bar both pass WCAG AA for small text (above 4.5:1), and Bar
// and TargetLine stand out from Paper and Track by more than the 3:1 graphics need.
var (
	Paper      = Colour{255, 255, 255}
	Ink        = Colour{26, 26, 26}
	Bar1       = Colour{31, 78, 121}
	OnBar      = Colour{255, 255, 255}
	Track      = Colour{232, 236, 240}
	TargetLine = Colour{138, 28, 28}
)

// Shape is one drawing instruction; Shapes are drawn in order.
type Shape struct {
	Kind       Kind
	X, Y, W, H float64
	Colour     Colour
	// Text, Size, Bold and End are for KindText.
	Text string
	Size float64
	Bold bool
	End  bool
	// Stroke and Dashed are for KindLine.
	Stroke float64
	Dashed bool
}

// Layout is a chart placed in a box Width wide; Height is what it needed.
type Layout struct {
	Width, Height float64
	Shapes        []Shape
	texts         []Shape // placed, waiting for finish
}

// Sizes in layout units (points in the PDF, CSS pixels before scaling in the SVG).
const (
	LabelSize  = 12.0
	FigureSize = 11.0
	barHeight  = 18.0
	barGap     = 10.0
	padding    = 4.0
	labelLines = 2
)

// Lay places c in a box width units wide, measuring text with m (EstimateWidth when nil). Labels go
// above their bars, wrapped to two lines; each bar's figures go inside it when they fit, after it when
// they fit there, and else on a line of their own under it, so that text never leaves the box.
func Lay(c BarChart, width float64, m Measure) Layout {
	if m == nil {
		m = EstimateWidth
	}
	l := Layout{Width: width}
	scale := c.Max
	for _, b := range c.Bars {
		scale = max(scale, b.Value)
	}
	if c.Target != nil {
		scale = max(scale, c.Target.Value)
	}
	if scale <= 0 {
		scale = 1
	}
	x := func(v int64) float64 { return width * float64(max(v, 0)) / float64(scale) }
	y := 0.0
	if c.Target != nil && c.Target.Label != "" {
		tx, end := x(c.Target.Value), false
		if tx+m(c.Target.Label, FigureSize) > width { // keep the label inside the box, ending at the line
			end = true
		}
		l.text(tx, y+FigureSize, c.Target.Label, FigureSize, true, end, Ink)
		y += FigureSize + padding
	}
	top := y
	for _, b := range c.Bars {
		for _, line := range wrap(b.Label, width, m) {
			y += LabelSize + 2
			l.text(0, y-3, line, LabelSize, false, false, Ink)
		}
		y += 2
		w := x(b.Value)
		l.Shapes = append(l.Shapes, Shape{Kind: KindRect, X: 0, Y: y, W: width, H: barHeight, Colour: Track})
		if w > 0 {
			l.Shapes = append(l.Shapes, Shape{Kind: KindRect, X: 0, Y: y, W: w, H: barHeight, Colour: Bar1})
		}
		figures := b.Text()
		fw := m(figures, FigureSize)
		base := y + barHeight/2 + FigureSize*0.35
		switch {
		case figures == "":
		case fw+2*padding <= w:
			l.text(w-padding, base, figures, FigureSize, true, true, OnBar)
		case w+padding+fw <= width:
			l.text(w+padding, base, figures, FigureSize, true, false, Ink)
		default: // under the bar, amount and percentage on lines of their own if need be
			lines := []string{figures}
			if fw > width && b.Amount != "" && b.Percent != "" {
				lines = []string{b.Amount, b.Percent}
			}
			for _, line := range lines {
				y += FigureSize + 3
				l.text(0, y+barHeight-1, fit(line, width, m), FigureSize, true, false, Ink)
			}
			y += 2
		}
		y += barHeight + barGap
	}
	if c.Target != nil {
		tx := min(x(c.Target.Value), width-1)
		l.Shapes = append(l.Shapes, Shape{Kind: KindLine, X: tx, Y: top - 2, W: 0, H: y - barGap + 2 - (top - 2), Colour: TargetLine, Stroke: 2, Dashed: true})
	}
	l.finish(m)
	l.Height = y - barGap + 2
	if len(c.Bars) == 0 {
		l.Height = max(y, 1)
	}
	return l
}

func (l *Layout) text(x, y float64, s string, size float64, bold, end bool, c Colour) {
	l.texts = append(l.texts, Shape{Kind: KindText, X: x, Y: y, Text: s, Size: size, Bold: bold, End: end, Colour: c})
}

// finish puts the text last, each on a patch of what lies under it (paper, track or bar), so that the
// target line, drawn before them, passes behind the words instead of through them.
func (l *Layout) finish(m Measure) {
	for _, t := range l.texts {
		w := min(m(t.Text, t.Size), l.Width)
		x := t.X
		if t.End {
			x -= w
		}
		x = max(x, 0)
		l.Shapes = append(l.Shapes, Shape{Kind: KindRect, X: x, Y: t.Y - t.Size*0.8, W: min(w, l.Width-x), H: t.Size * 1.05, Colour: l.under(x, t.Y-t.Size*0.35)}, t)
	}
	l.texts = nil
}

// under is the colour of the topmost rectangle at (x, y), paper where there is none.
func (l *Layout) under(x, y float64) Colour {
	c := Paper
	for _, s := range l.Shapes {
		if s.Kind == KindRect && x >= s.X && x < s.X+s.W && y >= s.Y && y < s.Y+s.H {
			c = s.Colour
		}
	}
	return c
}

// wrap breaks a label into at most labelLines lines of width, the last cut with an ellipsis.
func wrap(s string, width float64, m Measure) []string {
	var lines []string
	cur := ""
	for _, word := range strings.Fields(s) {
		next := strings.TrimSpace(cur + " " + word)
		if cur == "" || m(next, LabelSize) <= width {
			cur = next
			continue
		}
		lines = append(lines, cur)
		cur = word
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	if len(lines) > labelLines {
		lines = append(lines[:labelLines-1], strings.Join(lines[labelLines-1:], " "))
	}
	for i, line := range lines {
		lines[i] = fit(line, width, m)
	}
	return lines
}

// fit cuts s with an ellipsis until it is at most width wide.
func fit(s string, width float64, m Measure) string {
	if m(s, LabelSize) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && m(string(r)+"…", LabelSize) > width {
		r = r[:len(r)-1]
	}
	return strings.TrimSpace(string(r)) + "…"
}
