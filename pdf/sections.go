package pdf

import (
	"strings"

	"iduit/document"
)

// Bullets for list items typed in answers and for chosen checklist items.
const (
	textBullet = "•"
	itemBullet = "▪"
)

// partStyle sets a part heading above the first section of the part.
var partStyle = textStyle{bold, 11, 5.6, 90}

// heading is the section number and title as printed and bookmarked.
func heading(s Section) string {
	return joinNonEmpty(" ", s.Number, s.Title)
}

// sectionStart places a section heading and its chapter references. It keeps
// them on the same page as the first question and two lines of its answer,
// and records the page and position for the contents, links and bookmarks.
func (r *renderer) sectionStart(s Section, e *tocEntry) {
	title := r.wrapped(headingStyle, heading(s), contentWidth)
	var part []string
	if s.Part != "" {
		part = r.wrapped(partStyle, s.Part, contentWidth)
	}
	var chapters []string
	for _, c := range s.Chapters {
		chapters = append(chapters, r.wrapped(chapterStyle, c, contentWidth)...)
	}
	need := float64(len(part))*partStyle.leading + float64(len(title))*headingStyle.leading + float64(len(chapters))*chapterStyle.leading + 2
	if len(s.Fields) > 0 {
		need += labelGap + r.labelHeight(s.Fields[0].Label) + 1 + r.answerStart(s.Fields[0]) // as label() ensures
	}
	if !r.atTop() {
		need += sectionGap
	}
	r.ensure(need)
	if !r.atTop() {
		r.y += sectionGap
	}
	if e != nil {
		e.page = r.pdf().PageNo()
		r.pdf().SetLink(e.link, r.y, e.page)
	}
	r.flow(marginLeft, partStyle, part, "")
	r.setStyle(headingStyle) // Bookmark encodes its title by the current font
	r.pdf().Bookmark(heading(s), 0, r.y)
	r.flow(marginLeft, headingStyle, title, "")
	r.flow(marginLeft, chapterStyle, chapters, "")
	r.y += 2
}

// section places a section of a concept note with every answer.
func (r *renderer) section(s Section, e *tocEntry) {
	r.sectionStart(s, e)
	for _, f := range s.Fields {
		if f.Label == "" { // a section of one table needs no heading of its own under the section's
			r.ensure(r.answerStart(f))
		} else {
			r.label(f.Label, r.answerStart(f))
		}
		r.answer(f)
	}
}

// answerStart is how much of an answer must share the page with its question: two lines of text, or a
// table's header and first row when the answer is a table alone.
func (r *renderer) answerStart(f Field) float64 {
	if !f.Empty && f.Chart != nil && len(f.Chart.Bars) > 0 && strings.TrimSpace(f.Text) == "" && len(f.Items) == 0 {
		return chartHeight(*f.Chart) // a chart is not split from its heading
	}
	if f.Empty || f.Table == nil || strings.TrimSpace(f.Text) != "" || len(f.Items) > 0 {
		return 2 * bodyStyle.leading
	}
	tl, n := r.layoutTable(f.Table)
	if n == 0 {
		return 2 * bodyStyle.leading
	}
	return r.tableStart(tl)
}

func (r *renderer) labelHeight(label string) float64 {
	return float64(len(r.wrap(labelStyle, label, contentWidth))) * labelStyle.leading
}

// label places a question, keeping it with the first keep millimetres of
// what follows.
func (r *renderer) label(label string, keep float64) {
	lines := r.wrap(labelStyle, label, contentWidth)
	gap := labelGap
	if r.atTop() {
		gap = 0
	}
	r.ensure(gap + float64(len(lines))*labelStyle.leading + 1 + keep)
	if !r.atTop() {
		r.y += gap
	}
	r.flow(marginLeft, labelStyle, lines, "")
	r.y += 1
}

// answer places whatever the field holds: text, chosen items, a table; or
// says that the question was not answered.
func (r *renderer) answer(f Field) {
	if f.Empty {
		r.flow(marginLeft, noteStyle, []string{r.ui.notAnswered}, "")
		return
	}
	if f.Note != "" {
		r.flow(marginLeft, noteStyle, r.wrap(noteStyle, f.Note, contentWidth), "")
		r.y += itemGap
	}
	shown := false
	if strings.TrimSpace(f.Text) != "" {
		r.paragraphs(bodyStyle, f.Text)
		shown = true
	}
	if len(f.Items) > 0 {
		if shown {
			r.y += paragraphGap
		}
		r.list(f.Items, itemBullet)
		shown = true
	}
	if f.Chart != nil && len(f.Chart.Bars) > 0 {
		if shown {
			r.y += paragraphGap
		}
		r.drawChart(*f.Chart)
		shown = true
	}
	if f.Table != nil && (len(f.Table.Columns) > 0 || len(f.Table.Rows) > 0) {
		if shown {
			r.y += paragraphGap
		}
		r.table(f.Table, 0)
		shown = true
	}
	if !shown {
		r.flow(marginLeft, noteStyle, []string{r.ui.notAnswered}, "")
	}
}

// paragraphs places text in ts: paragraphs, and "- " lines as a bulleted list.
func (r *renderer) paragraphs(ts textStyle, text string) {
	prevItem := false
	for i, b := range document.Blocks(text) {
		if i > 0 {
			if b.Item && prevItem {
				r.y += itemGap
			} else {
				r.y += paragraphGap
			}
		}
		if b.Item {
			r.flow(marginLeft+listIndent, ts, r.wrap(ts, b.Text, contentWidth-listIndent), textBullet)
		} else {
			r.flow(marginLeft, ts, r.wrap(ts, b.Text, contentWidth), "")
		}
		prevItem = b.Item
	}
}

// list places items as a bulleted list.
func (r *renderer) list(items []string, bullet string) {
	for i, it := range items {
		if i > 0 {
			r.y += itemGap
		}
		r.flow(marginLeft+listIndent, bodyStyle, r.wrap(bodyStyle, it, contentWidth-listIndent), bullet)
	}
}
