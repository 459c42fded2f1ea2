package docx

import (
	"bytes"
	"strconv"
	"strings"

	"iduit/document"
)

// Page geometry in twentieths of a point: A4 with 2 cm margins, as the PDF.
const (
	pageWidth    = 11906
	pageHeight   = 16838
	margin       = 1134
	contentWidth = pageWidth - 2*margin
)

// Numbering instances (numbering.xml): bullets typed in answers, and chosen checklist items, as the
// PDF sets them apart.
const (
	textList = 1
	itemList = 2
)

// body writes word/document.xml.
type body struct {
	b         bytes.Buffer
	w         *words
	comments  *commentPlan
	revisions int         // tracked changes written so far, which number them
	charts    []chartPart // the charts drawn so far, in order: chart n is word/charts/chartn.xml
}

func (x *body) write(d *document.Document) {
	b := &x.b
	b.WriteString(xmlHeader)
	b.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `" xmlns:wp="` + nsWP + `"><w:body>`)
	x.cover(d)
	x.contents(d.Sections)
	for i := range d.Sections {
		x.section(i, &d.Sections[i])
	}
	// Word wants the body to end in a paragraph, not a table.
	b.WriteString(`<w:p/>`)
	b.WriteString(`<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:headerReference w:type="first" r:id="rIdCoverHeader"/>` +
		`<w:footerReference w:type="default" r:id="rIdFooter"/>` +
		`<w:pgSz w:w="` + strconv.Itoa(pageWidth) + `" w:h="` + strconv.Itoa(pageHeight) + `"/>` +
		`<w:pgMar w:top="1418" w:right="1134" w:bottom="1134" w:left="1134" w:header="680" w:footer="567" w:gutter="0"/>` +
		`<w:titlePg/></w:sectPr></w:body></w:document>`)
}

// cover is the first page, as the PDF's: template, title, network, the details a reviewer looks for
// first, and the note naming the IDUIT. The first page has no header or footer (w:titlePg).
func (x *body) cover(d *document.Document) {
	x.para("Subtitle", d.TemplateTitle) // the form's version is in the properties, not the deliverable
	x.paraAnchored("Title", d.Title, x.comments.orphans)
	x.para("CoverNetwork", d.Network)
	date := ""
	if !d.Date.IsZero() {
		date = x.w.formatDate(d.Date)
	}
	for _, kv := range [][2]string{{x.w.country, d.Country}, {x.w.component, d.Component}, {x.w.status, d.Status}, {x.w.date, date}} {
		if kv[1] == "" {
			continue
		}
		x.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="CoverDetail"/></w:pPr>`)
		x.run(kv[0], `<w:rPr><w:rStyle w:val="CoverKey"/></w:rPr>`, false)
		x.b.WriteString(`<w:r><w:tab/></w:r>`)
		x.run(kv[1], "", false)
		x.b.WriteString(`</w:p>`)
	}
	x.para("CoverNote", x.w.guide)
}

// contents is a TOC field over the section headings. Word fills it, page numbers and all, when the
// file is opened (w:updateFields in settings.xml, w:dirty here). Until then, and in readers that never
// update fields (LibreOffice shows a field's last result as it is, pandoc reads it as text), it shows
// the entries written here: each section's heading, linked to it, without page numbers, which only a
// layout can know.
func (x *body) contents(sections []document.Section) {
	if len(sections) == 0 {
		return
	}
	b := &x.b
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="TOCHeading"/><w:pageBreakBefore/></w:pPr>`)
	x.run(x.w.contents, "", false)
	b.WriteString(`</w:p>`)
	for i, s := range sections {
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>`)
		if i == 0 {
			b.WriteString(`<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>` +
				`<w:r><w:instrText xml:space="preserve"> TOC \o "1-1" \h \z \u </w:instrText></w:r>` +
				`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`)
		}
		mark := bookmarkName(i)
		b.WriteString(`<w:hyperlink w:anchor="` + mark + `" w:history="1">`)
		x.run(heading(s), "", false)
		b.WriteString(`</w:hyperlink>`)
		if i == len(sections)-1 {
			b.WriteString(`<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
		}
		b.WriteString(`</w:p>`)
	}
}

func bookmarkName(i int) string { return "_Toc" + strconv.Itoa(100000+i) }

// heading is the section number and title as printed, as in the PDF.
func heading(s document.Section) string {
	return joinNonEmpty(" ", s.Number, s.Title)
}

// section writes a Heading 1 (bookmarked for the contents), its IDUIT chapters and every question as a
// Heading 2 with its answer. The first section starts on a new page, after the contents.
func (x *body) section(i int, s *document.Section) {
	b := &x.b
	breakBefore := i == 0 || s.NewPage
	if s.Part != "" { // the part heading opens the page instead of the section heading
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Subtitle"/>`)
		if breakBefore {
			b.WriteString(`<w:pageBreakBefore/>`)
		}
		b.WriteString(`</w:pPr>`)
		x.run(s.Part, "", false)
		b.WriteString(`</w:p>`)
		breakBefore = false
	}
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Heading1"/>`)
	if breakBefore {
		b.WriteString(`<w:pageBreakBefore/>`)
	}
	b.WriteString(`</w:pPr><w:bookmarkStart w:id="` + strconv.Itoa(i) + `" w:name="` + bookmarkName(i) + `"/>`)
	x.anchoredRuns(heading(*s), "", false, x.comments.onSection(s.Key), nil)
	b.WriteString(`<w:bookmarkEnd w:id="` + strconv.Itoa(i) + `"/></w:p>`)
	for _, c := range s.Chapters {
		x.para("Chapter", c)
	}
	for j := range s.Fields {
		x.field(s.Key, &s.Fields[j])
	}
}

// field writes a question and whatever its answer holds, as the PDF does: text, chosen items, a table,
// or that it was not answered.
func (x *body) field(section string, f *document.Field) {
	quoted, whole := x.comments.onField(section, f.Key, f.Text)
	if f.Label != "" || len(whole) > 0 {
		x.paraAnchored("Heading2", f.Label, whole)
	}
	if f.Empty {
		x.para("NotAnswered", x.w.notAnswered)
		return
	}
	x.para("NotAnswered", f.Note) // the same quiet style marks a missing translation
	shown := false
	if strings.TrimSpace(f.Text) != "" {
		for _, bl := range document.Blocks(f.Text) {
			if bl.Item {
				x.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>`)
			} else {
				x.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="BodyText"/></w:pPr>`)
			}
			x.anchoredRuns(bl.Text, "", true, quoted.in(bl), x.comments.changesIn(section, f.Key, bl))
			x.b.WriteString(`</w:p>`)
		}
		shown = true
	}
	for _, it := range f.Items {
		x.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr>`)
		x.run(it, "", true)
		x.b.WriteString(`</w:p>`)
		shown = true
	}
	if f.Chart != nil && len(f.Chart.Bars) > 0 {
		x.chart(f.Chart) // above its table, as in the PDF
		shown = true
	}
	if t := f.Table; t != nil && (len(t.Columns) > 0 || len(t.Rows) > 0) {
		x.table(t)
		shown = true
	}
	if !shown {
		x.para("NotAnswered", x.w.notAnswered)
	}
}

// para writes a one-run paragraph in a style; empty text writes nothing.
func (x *body) para(style, text string) {
	if text == "" {
		return
	}
	x.paraAnchored(style, text, nil)
}

func (x *body) paraAnchored(style, text string, anchors []anchor) {
	if text == "" && len(anchors) == 0 {
		return
	}
	x.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
	x.anchoredRuns(text, "", false, anchors, nil)
	x.b.WriteString(`</w:p>`)
}

// run writes text as one run: tabs and (with multiline) line breaks become w:tab and w:br.
func (x *body) run(text, rPr string, multiline bool) {
	x.runAs(text, rPr, multiline, "w:t")
}

// breakAt is the index of the first tab, line break or Unicode line or paragraph separator in text, -1
// when there is none. strings.IndexAny with the two separators in its set decodes every rune; this reads
// bytes, and a package's 30,000 table cells made that 8 % of a Word file's render.
func breakAt(text string) int {
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '\t' || c == '\n' || c == '\r':
			return i
		case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9):
			return i // U+2028, U+2029
		}
	}
	return -1
}

// runAs writes a run whose text is in elements named tag: w:t, or w:delText in a deletion.
func (x *body) runAs(text, rPr string, multiline bool, tag string) {
	if text == "" {
		return
	}
	b := &x.b
	b.WriteString(`<w:r>`)
	b.WriteString(rPr)
	for {
		i := breakAt(text)
		piece, rest := text, ""
		if i >= 0 {
			piece, rest = text[:i], text[i:]
		}
		if piece != "" {
			b.WriteString(`<`)
			b.WriteString(tag)
			b.WriteString(` xml:space="preserve">`)
			escape(b, piece, false)
			b.WriteString(`</`)
			b.WriteString(tag)
			b.WriteString(`>`)
		}
		if rest == "" {
			break
		}
		r, size := rest[0], 1
		if r >= 0x80 {
			size = 3 // U+2028 and U+2029
		} else if r == '\r' && len(rest) > 1 && rest[1] == '\n' {
			size = 2
		}
		switch {
		case r == '\t':
			b.WriteString(`<w:tab/>`)
		case multiline:
			b.WriteString(`<w:br/>`)
		default:
			b.WriteString(`<` + tag + ` xml:space="preserve"> </` + tag + `>`)
		}
		text = rest[size:]
	}
	b.WriteString(`</w:r>`)
}

// anchoredRuns writes text as runs, split where comments start and end, with the comment ranges and
// references between them, and changes as deletions followed by their insertions. A comment whose range
// starts or ends inside a change's passage is widened to the whole change (see widen). At one position
// a change's insertion comes before the comment marks, so a comment ending where a change ends covers
// its new wording too.
func (x *body) anchoredRuns(text, rPr string, multiline bool, anchors []anchor, changes []change) {
	if len(anchors) == 0 && len(changes) == 0 {
		x.run(text, rPr, multiline)
		return
	}
	pos := 0
	var open *change
	advance := func(to int) {
		for pos < to {
			if open == nil && len(changes) > 0 && changes[0].start == pos {
				open, changes = &changes[0], changes[1:]
			}
			if open != nil {
				end := min(to, open.end)
				x.deleted(text[pos:end], rPr, multiline, &open.s)
				if pos = end; pos == open.end {
					x.inserted(rPr, multiline, &open.s)
					open = nil
				}
				continue
			}
			end := to
			if len(changes) > 0 {
				end = min(end, changes[0].start)
			}
			x.run(text[pos:end], rPr, multiline)
			pos = end
		}
	}
	for _, ev := range events(widen(anchors, changes), len(text)) {
		advance(ev.at)
		x.commentMarks(ev)
	}
	advance(len(text))
}

// commentMarks writes where a thread's range starts, or where it ends with its reference marks: one
// Word comment for the thread's first comment and one for each reply, all on the same range.
func (x *body) commentMarks(ev boundary) {
	b := &x.b
	first, n := x.comments.first[ev.id], 1+len(x.comments.comments[ev.id].Replies)
	for id := first; id < first+n; id++ {
		s := strconv.Itoa(id)
		if ev.start {
			b.WriteString(`<w:commentRangeStart w:id="` + s + `"/>`)
		} else {
			b.WriteString(`<w:commentRangeEnd w:id="` + s + `"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="` + s + `"/></w:r>`)
		}
	}
}
