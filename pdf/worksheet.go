package pdf

import "io"

var (
	guidanceStyle   = textStyle{regular, 9.5, 4.8, 90}
	sheetTitleStyle = textStyle{bold, 18, 8.2, 0}
	sheetSubStyle   = textStyle{regular, 11.5, 5.8, 40}
)

const (
	ruleSpacing      = 8.5 // between handwriting lines
	defaultRules     = 5
	keepRules        = 8 // blocks of up to this many options are not split between pages
	keepWithQuestion = 3 // ruled lines that stay on the question's page
	defaultBlank     = 4 // empty rows under a table with no rows given
	extraBlank       = 2 // empty rows under a table's given rows
	boxSize          = 3.6
	optionGap        = itemGap + 1 // between options, a little more than between list items
	meetingSpacing   = 10.0
)

// RenderWorksheet writes d as a blank worksheet for a community consultation
// held on paper: every section with its IDUIT chapters, each question with
// its guidance, and room to write the group's answers by hand — ruled
// lines, boxes to tick for Items, and empty rows under a Table's header.
// Answers in d (Text, and Empty) are not printed.
func RenderWorksheet(w io.Writer, d Document) error {
	_, err := renderWorksheet(w, d)
	return err
}

func renderWorksheet(w io.Writer, d Document) (layout, error) {
	d = sanitiseDocument(d)
	r := newRenderer(d, uiFor(d.Language))
	r.newPage()
	r.worksheetHead(d)
	for _, s := range d.Sections {
		if s.NewPage && !r.atTop() {
			r.newPage()
		}
		r.sectionStart(s, nil)
		for _, f := range s.Fields {
			r.blankField(f)
		}
	}
	pages, err := r.finish(w)
	return layout{pages: pages}, err
}

// worksheetHead opens the first page: what the sheet is for, how to use it,
// and lines for the meeting's place, date, facilitator and attendance.
func (r *renderer) worksheetHead(d Document) {
	r.accentBar(r.y)
	r.y += 5
	r.capped(marginLeft, kickerStyle, joinNonEmpty(" · ", r.ui.worksheet,
		joinNonEmpty(", ", d.TemplateTitle, versionLabel(r.ui, d.TemplateVersion))), contentWidth, 2)
	r.y += 1
	r.capped(marginLeft, sheetTitleStyle, d.Title, contentWidth, 4)
	r.y += 1.5
	r.capped(marginLeft, sheetSubStyle, joinNonEmpty(" · ", d.Network, d.Country, d.Component), contentWidth, 2)
	r.y += 3
	r.paragraphs(guidanceStyle, r.ui.instruction)
	r.y += 2
	half := contentWidth / 2
	r.setStyle(coverKeyStyle)
	for i, m := range r.ui.meeting {
		x := marginLeft + float64(i%2)*half
		if i%2 == 0 {
			r.y += meetingSpacing
		}
		r.line(x, r.y-coverKeyStyle.leading, coverKeyStyle, m)
		from := x + textWidth(coverKeyStyle, m) + 2
		r.pdf().Line(from, r.y, x+half-4, r.y)
	}
	r.y += 4
}

// blankField places a question, its guidance and the room for its answer.
func (r *renderer) blankField(f Field) {
	rules := defaultRules
	if f.Lines > 0 {
		rules = f.Lines
	}
	hasTable := f.Table != nil && (len(f.Table.Columns) > 0 || len(f.Table.Rows) > 0)
	// Keep the guidance and the first few lines with the question; the rest may
	// go on over the page (ruledLines sends at least two there), so a long
	// answer block does not leave a third of a page empty before it.
	keep := float64(min(rules, keepWithQuestion)) * ruleSpacing
	switch {
	case len(f.Items) > 0 && len(f.Items) <= keepRules:
		keep = r.checkboxesHeight(f.Items)
	case len(f.Items) > 0 || hasTable:
		keep = 2 * bodyStyle.leading
	}
	if f.Guidance != "" {
		keep += float64(min(len(r.wrap(guidanceStyle, f.Guidance, contentWidth)), 10))*guidanceStyle.leading + 1.5
	}
	r.label(f.Label, keep)
	if f.Guidance != "" {
		r.paragraphs(guidanceStyle, f.Guidance)
		r.y += 1.5
	}
	switch {
	case len(f.Items) > 0:
		r.checkboxes(f.Items)
	case hasTable:
		blank := defaultBlank
		if len(f.Table.Rows) > 0 {
			blank = extraBlank
		}
		if f.Lines > 0 {
			blank = f.Lines
		}
		r.y += 1
		r.table(f.Table, blank)
	default:
		r.ruledLines(rules)
	}
}

// checkboxes places each option with an empty box in front of it.
func (r *renderer) checkboxes(options []string) {
	for i, o := range options {
		if i > 0 {
			r.y += optionGap
		}
		lines := r.wrap(bodyStyle, o, contentWidth-listIndent-1)
		r.ensure(float64(min(2, len(lines))) * bodyStyle.leading)
		top := r.y + (bodyStyle.leading-boxSize)/2
		r.pdf().Rect(marginLeft+0.4, top, boxSize, boxSize, "D")
		r.flow(marginLeft+listIndent+1, bodyStyle, lines, "")
	}
	r.y += 2
}

// checkboxesHeight is the room checkboxes takes for options.
func (r *renderer) checkboxesHeight(options []string) float64 {
	h := 0.0
	for i, o := range options {
		if i > 0 {
			h += optionGap
		}
		h += float64(len(r.wrap(bodyStyle, o, contentWidth-listIndent-1))) * bodyStyle.leading
	}
	return h
}

// ruledLines leaves n lines to write on.
func (r *renderer) ruledLines(n int) {
	room := func() int { return int((bodyBottom - r.y + epsilon) / ruleSpacing) }
	here := room() // lines drawn before the next page break
	if here < n && n-here < 2 && here > 2 {
		here = n - 2 // two lines at least go over the page, never one alone
	}
	for i := range n {
		if i == here {
			r.newPage()
			here = i + room()
		}
		r.y += ruleSpacing
		r.pdf().Line(marginLeft, r.y, pageWidth-marginRight, r.y)
	}
	r.y += 2
}
