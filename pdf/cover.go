package pdf

var (
	kickerStyle   = textStyle{regular, 11, 5.6, 90}
	titleStyle    = textStyle{bold, 24, 10.6, 0}
	networkStyle  = textStyle{regular, 14, 6.6, 40}
	coverKeyStyle = textStyle{regular, 9.5, 5.6, 110}
	coverValStyle = textStyle{regular, 11, 5.6, 0}
)

const (
	coverTop      = 42.0
	coverDetails  = 140.0 // details start here, or lower after a long title
	coverKeyWidth = 48.0
)

// cover fills the first page: template, title and network, the details a
// reviewer looks for first, and a note naming the IDUIT. Long values are cut
// with "…" so the cover stays one page.
func (r *renderer) cover(d Document) {
	r.startPage()
	r.accentBar(coverTop - 6)
	r.y = coverTop
	// The deliverable names the kind of document, not the form's version: that is in the keywords.
	r.capped(marginLeft, kickerStyle, d.TemplateTitle, contentWidth, 2)
	r.y += 4
	r.capped(marginLeft, titleStyle, d.Title, contentWidth, 7)
	r.y += 4
	r.capped(marginLeft, networkStyle, d.Network, contentWidth, 3)
	r.y = max(r.y+14, coverDetails)
	date := ""
	if !d.Date.IsZero() {
		date = r.ui.formatDate(d.Date)
	}
	details := [][2]string{
		{r.ui.country, d.Country},
		{r.ui.component, d.Component},
		{r.ui.status, d.Status},
		{r.ui.date, date},
	}
	for _, kv := range details {
		if kv[1] == "" {
			continue
		}
		r.pdf().Line(marginLeft, r.y, pageWidth-marginRight, r.y)
		r.y += 2.5
		top := r.y
		r.capped(marginLeft, coverKeyStyle, kv[0], coverKeyWidth-4, 2)
		keyBottom := r.y
		r.y = top
		r.capped(marginLeft+coverKeyWidth, coverValStyle, kv[1], contentWidth-coverKeyWidth, 3)
		r.y = max(r.y, keyBottom) + 2.5
	}
	note := r.wrapped(chapterStyle, r.ui.guide, contentWidth)
	r.y = bodyBottom - float64(len(note))*chapterStyle.leading
	r.flow(marginLeft, chapterStyle, note, "")
}

// accentBar is the one touch of colour, marking the top of a title block.
func (r *renderer) accentBar(y float64) {
	r.pdf().SetFillColor(31, 78, 121)
	r.pdf().Rect(marginLeft, y, 28, 1.6, "F")
	r.pdf().SetFillColor(0, 0, 0)
}

// capped sets text in at most maxLines lines at the current position, without
// page breaks, ending a cut text with "…".
func (r *renderer) capped(x float64, ts textStyle, text string, width float64, maxLines int) {
	lines := capLines(ts, r.wrap(ts, text, width), width, maxLines)
	r.setStyle(ts)
	for _, l := range lines {
		r.line(x, r.y, ts, l)
		r.y += ts.leading
	}
}

// capLines keeps at most maxLines lines, ending the last kept one with "…"
// when some were dropped.
func capLines(ts textStyle, lines []string, width float64, maxLines int) []string {
	if len(lines) <= maxLines {
		return lines
	}
	lines = lines[:maxLines]
	lines[maxLines-1] = faces[ts.face].ellipsis(lines[maxLines-1]+" …", emWidth(ts, width))
	return lines
}
