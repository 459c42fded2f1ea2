package pdf

import (
	"iduit/chart"
	"iduit/document"
)

// chartScale shrinks the chart model's units (points) so that its labels sit a little below the body
// text's size: a chart is a figure beside the table, not the text.
const chartScale = 0.85

// chartWidth is the content width in the chart model's units.
const chartWidth = contentWidth / mmPerPt / chartScale

// drawChart draws c as vectors across the content width, from package chart's layout; a chart taller
// than a page is drawn in parts, bars split between them.
func (r *renderer) drawChart(c document.Chart) {
	bc := chart.FromDocument(&c)
	l := chart.Lay(bc, chartWidth, measureChart)
	if h := l.Height * chartScale * mmPerPt; h > bodyBottom-bodyTop && len(bc.Bars) > 1 {
		half := len(c.Bars) / 2
		first, second := c, c
		first.Bars, second.Bars = c.Bars[:half], c.Bars[half:]
		r.drawChart(first)
		r.drawChart(second)
		return
	}
	h := l.Height * chartScale * mmPerPt
	r.ensure(h)
	top := r.y
	pt := func(v float64) float64 { return v * chartScale * mmPerPt }
	for _, s := range l.Shapes {
		switch s.Kind {
		case chart.KindRect:
			r.pdf().SetFillColor(int(s.Colour.R), int(s.Colour.G), int(s.Colour.B))
			r.pdf().Rect(marginLeft+pt(s.X), top+pt(s.Y), pt(s.W), pt(s.H), "F")
		case chart.KindLine:
			r.pdf().SetDrawColor(int(s.Colour.R), int(s.Colour.G), int(s.Colour.B))
			r.pdf().SetLineWidth(pt(s.Stroke))
			if s.Dashed {
				r.pdf().SetDashPattern([]float64{pt(4), pt(3)}, 0)
			}
			r.pdf().Line(marginLeft+pt(s.X), top+pt(s.Y), marginLeft+pt(s.X+s.W), top+pt(s.Y+s.H))
			r.pdf().SetDashPattern([]float64{}, 0)
		case chart.KindText:
			face := regular
			if s.Bold {
				face = bold
			}
			// The palette's text colours are greys (Ink, OnBar), which is all setStyle knows.
			ts := textStyle{face, s.Size * chartScale, bodyStyle.leading, int(s.Colour.R)}
			r.setStyle(ts)
			x := marginLeft + pt(s.X)
			if s.End {
				x -= textWidth(ts, s.Text)
			}
			r.text(x, top+pt(s.Y), s.Text)
		}
	}
	// Back to what the rest of the renderer assumes (see newRenderer).
	r.pdf().SetFillColor(0, 0, 0)
	r.pdf().SetDrawColor(170, 170, 170)
	r.pdf().SetLineWidth(0.2)
	r.y = top + h
}

// chartHeight is the height of c in millimetres, at most a page's body.
func chartHeight(c document.Chart) float64 {
	return min(chart.Lay(chart.FromDocument(&c), chartWidth, measureChart).Height*chartScale*mmPerPt, bodyBottom-bodyTop)
}

// measureChart measures text in the chart's units with the bold face, the wider of the two, so that
// text placed by the layout never runs over what it was placed beside.
func measureChart(s string, size float64) float64 {
	return float64(faces[bold].advance(s)) / 1000 * size
}
