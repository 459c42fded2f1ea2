package chart

import (
	"fmt"
	"html"
	"strconv"
	"strings"
)

// SVGWidth is the width of the SVG's viewBox: a little under a phone's column, so that at 390 CSS pixels the
// text is drawn a little above its own size, and the page's CSS caps how far it grows on wide screens.
const SVGWidth = 300.0

// SVG renders c as an inline SVG element for an HTML page: no script and no style element (the pages'
// CSP allows neither), role="img" with the chart's title and its text alternative, a viewBox and
// width 100% so it scales to its column. id must be unique on the page; it names the title and desc.
func SVG(c BarChart, id string) string {
	l := Lay(c, SVGWidth, nil)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="%s" viewBox="0 0 %s %s" width="100%%" role="img" aria-labelledby="%s-t %s-d" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
		esc(id), num(l.Width), num(l.Height), esc(id), esc(id))
	fmt.Fprintf(&b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, esc(id), esc(c.Title), esc(id), esc(c.Alternative()))
	for _, s := range l.Shapes {
		switch s.Kind {
		case KindRect:
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`, num(s.X), num(s.Y), num(s.W), num(s.H), hex(s.Colour))
		case KindLine:
			dash := ""
			if s.Dashed {
				dash = ` stroke-dasharray="4 3"`
			}
			fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"%s/>`,
				num(s.X), num(s.Y), num(s.X+s.W), num(s.Y+s.H), hex(s.Colour), num(s.Stroke), dash)
		case KindText:
			attrs := ""
			if s.Bold {
				attrs += ` font-weight="600"`
			}
			if s.End {
				attrs += ` text-anchor="end"`
			}
			fmt.Fprintf(&b, `<text x="%s" y="%s" font-size="%s" fill="%s"%s>%s</text>`, num(s.X), num(s.Y), num(s.Size), hex(s.Colour), attrs, esc(s.Text))
		}
	}
	b.WriteString("</svg>")
	return b.String()
}

func esc(s string) string { return html.EscapeString(s) }

func hex(c Colour) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// num prints a coordinate with at most two decimals, so the same chart gives the same text.
func num(f float64) string { return strconv.FormatFloat(float64(int64(f*100+0.5))/100, 'f', -1, 64) }
