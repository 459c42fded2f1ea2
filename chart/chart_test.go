package chart

import (
	"strings"
	"testing"
)

func sample() BarChart {
	return BarChart{Title: "By module", Target: &Target{Value: 300, Label: "Target: 30 %"}, Max: 1000, Bars: []Bar{
		{Label: "Prevention for people who use drugs and their sexual partners", Value: 620, Amount: "62 000,00 USD", Percent: "62,0 %"},
		{Label: "RSSH: community systems strengthening", Value: 30, Amount: "3 000,00 USD", Percent: "3,0 %"},
		{Label: "Empty", Value: 0, Amount: "0,00 USD", Percent: "0,0 %"},
	}}
}

// TestTextStaysInTheBox holds every shape inside the chart's box at a phone's width and narrower, so
// that no label or figure runs off a 390 px screen.
func TestTextStaysInTheBox(t *testing.T) {
	for _, width := range []float64{SVGWidth, 200, 120} {
		l := Lay(sample(), width, nil)
		for _, s := range l.Shapes {
			left, right := s.X, s.X+s.W
			if s.Kind == KindText {
				w := EstimateWidth(s.Text, s.Size)
				if left, right = s.X, s.X+w; s.End {
					left, right = s.X-w, s.X
				}
			}
			if left < -0.01 || right > width+0.01 || s.Y < 0 || s.Y+s.H > l.Height+0.01 {
				t.Errorf("width %v: %+v leaves the box %vx%v", width, s, width, l.Height)
			}
		}
	}
}

func TestSVGCarriesEveryFigureAndATextAlternative(t *testing.T) {
	svg := SVG(sample(), "c1")
	for _, want := range []string{`role="img"`, `aria-labelledby="c1-t c1-d"`, `<title id="c1-t">By module</title>`, `viewBox="0 0 300 `,
		">62 000,00 USD · 62,0 %<", ">3 000,00 USD · 3,0 %<", ">0,00 USD · 0,0 %<", ">Target: 30 %<", `stroke-dasharray`} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %q:\n%s", want, svg)
		}
	}
	if strings.Contains(svg, "<script") || strings.Contains(svg, "style=") {
		t.Error("SVG has a script or a style attribute")
	}
	if alt := sample().Alternative(); !strings.Contains(alt, "Empty — 0,00 USD · 0,0 %") || !strings.HasPrefix(alt, "By module: ") {
		t.Errorf("alternative = %q", alt)
	}
}

func TestLabelsAreEscaped(t *testing.T) {
	svg := SVG(BarChart{Title: "<b>", Bars: []Bar{{Label: `a & "b" <c>`, Value: 1}}}, "x")
	if strings.Contains(svg, "<b>") || strings.Contains(svg, "<c>") {
		t.Errorf("unescaped text in %s", svg)
	}
}
