package pdf

import "strconv"

// The table of contents is laid out before the body so that its pages can
// be reserved, and drawn after the body, when the page of every section is
// known. This costs one layout pass and no text substitution afterwards
// (gofpdf's RegisterAlias copies every page once per alias).

// tocEntry is one section in the contents.
type tocEntry struct {
	part   []string // the part heading above the entry, wrapped; nil when it continues a part
	partY  float64  // top of the part heading
	number string
	lines  []string // the title, wrapped to the title column
	link   int      // gofpdf link to the section heading
	page   int      // page the section starts on, set when it is placed
	onPage int      // contents page the entry is drawn on
	y      float64  // top of the entry on that page
}

const (
	tocPageColumn = 12.0 // right-aligned page numbers
	tocEntryGap   = 1.6
	tocTitleGap   = 5.0 // below the "Contents" heading
	tocMaxLines   = 4   // a longer title is cut with "…" in the contents
	tocPartGap    = 2.0 // around a part heading
)

// contents is the planned table of contents.
type contents struct {
	entries      []tocEntry
	numberColumn float64 // width kept for section numbers
}

// planContents reserves the contents pages, draws their heading and
// returns where each entry will go. It adds no page when there are no
// sections.
func (r *renderer) planContents(sections []Section) contents {
	c := contents{entries: make([]tocEntry, len(sections))}
	if len(sections) == 0 {
		return c
	}
	c.numberColumn = r.numberColumn(sections)
	titleWidth := contentWidth - c.numberColumn - tocPageColumn - 4
	first := r.pdf().PageCount() + 1
	page, y := first, bodyTop+headingStyle.leading+tocTitleGap
	for i, s := range sections {
		e := &c.entries[i]
		e.number = s.Number
		e.lines = capLines(bodyStyle, r.wrapped(bodyStyle, s.Title, titleWidth), titleWidth, tocMaxLines)
		h := float64(max(1, len(e.lines))) * bodyStyle.leading
		partH := 0.0
		if s.Part != "" {
			e.part = r.wrapped(labelStyle, s.Part, contentWidth)
			partH = float64(len(e.part))*labelStyle.leading + tocPartGap
			if i > 0 {
				partH += tocPartGap
			}
		}
		if y+partH+h > bodyBottom+epsilon && y > bodyTop+epsilon { // a part heading stays with its first entry
			page, y = page+1, bodyTop
		}
		if e.part != nil {
			if i > 0 && y > bodyTop+epsilon {
				y += tocPartGap
			}
			e.partY = y
			y += float64(len(e.part))*labelStyle.leading + tocPartGap
		}
		e.onPage, e.y = page, y
		e.link = r.pdf().AddLink()
		y += h + tocEntryGap
	}
	for range page - first + 1 {
		r.newPage()
	}
	r.pdf().SetPage(first)
	r.pdf().Bookmark(r.ui.contents, 0, bodyTop)
	r.setStyle(headingStyle)
	r.line(marginLeft, bodyTop, headingStyle, r.ui.contents)
	r.pdf().SetPage(page)
	r.y = bodyBottom // the body starts on a fresh page
	return c
}

// numberColumn is wide enough for the longest section number, within reason.
func (r *renderer) numberColumn(sections []Section) float64 {
	w := 0.0
	for _, s := range sections {
		w = max(w, textWidth(bodyStyle, s.Number))
	}
	if w == 0 {
		return 0
	}
	return min(w+3, contentWidth/4)
}

// drawContents fills the reserved pages now that section pages are known.
func (r *renderer) drawContents(c contents) {
	last := r.pdf().PageCount()
	for i := 0; i < len(c.entries); {
		page := c.entries[i].onPage
		r.pdf().SetPage(page)
		r.setStyle(bodyStyle)
		r.pdf().SetDashPattern([]float64{0.2, 1.2}, 0) // dotted leaders
		for ; i < len(c.entries) && c.entries[i].onPage == page; i++ {
			r.drawEntry(c.entries[i], c.numberColumn)
		}
		r.pdf().SetDashPattern(nil, 0) // and emitted again on the next page
	}
	r.pdf().SetPage(last)
}

func (r *renderer) drawEntry(e tocEntry, numberColumn float64) {
	if e.part != nil {
		r.pdf().SetDashPattern(nil, 0)
		r.flowAt(e.partY, labelStyle, e.part)
		r.setStyle(bodyStyle)
		r.pdf().SetDashPattern([]float64{0.2, 1.2}, 0)
	}
	right := pageWidth - marginRight
	x := marginLeft + numberColumn
	r.line(marginLeft, e.y, bodyStyle, e.number)
	top := e.y
	for i, l := range e.lines {
		if i > 0 {
			top += bodyStyle.leading
		}
		r.line(x, top, bodyStyle, l)
	}
	page := strconv.Itoa(e.page)
	pw := textWidth(bodyStyle, page)
	r.line(right-pw, top, bodyStyle, page)
	if len(e.lines) > 0 {
		from := x + textWidth(bodyStyle, e.lines[len(e.lines)-1]) + 1.5
		if to := right - pw - 1.5; to > from {
			base := top + bodyStyle.leading*0.72
			r.pdf().Line(from, base, to, base)
		}
	}
	r.pdf().Link(marginLeft, e.y, contentWidth, top+bodyStyle.leading-e.y, e.link)
}

// flowAt sets lines in ts from top y at the left margin, without page breaks.
func (r *renderer) flowAt(y float64, ts textStyle, lines []string) {
	r.setStyle(ts)
	for _, l := range lines {
		r.line(marginLeft, y, ts, l)
		y += ts.leading
	}
}
