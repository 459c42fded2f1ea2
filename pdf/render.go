package pdf

import (
	"io"
	"math"
	"strconv"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// Page geometry in millimetres, A4 portrait.
const (
	pageWidth    = 210.0
	pageHeight   = 297.0
	marginLeft   = 22.0
	marginRight  = 22.0
	contentWidth = pageWidth - marginLeft - marginRight
	bodyTop      = 25.0
	bodyBottom   = 277.0
	headBaseline = 15.0
	headRule     = 18.0
	footBaseline = 287.0
	mmPerPt      = 25.4 / 72
	epsilon      = 0.01
)

// textStyle is a face, a size in points, a line height in millimetres and a
// grey level (0 black, 255 white).
type textStyle struct {
	face    style
	size    float64
	leading float64
	grey    int
}

var (
	bodyStyle    = textStyle{regular, 10.5, 5.2, 0}
	labelStyle   = textStyle{bold, 10.5, 5.2, 0}
	headingStyle = textStyle{bold, 15, 7.4, 0}
	chapterStyle = textStyle{regular, 9, 4.4, 100}
	noteStyle    = textStyle{regular, 10, 5, 130}
	runningStyle = textStyle{regular, 8, 4, 110}
)

// Vertical gaps in millimetres.
const (
	sectionGap   = 9.0
	labelGap     = 4.5
	paragraphGap = 2.2
	itemGap      = 0.8
	listIndent   = 5.0
)

// Render writes d as a concept note: a cover, a table of contents with page
// numbers and links, every section with its IDUIT chapters and answers, and
// a DRAFT watermark unless d.Final. The same d always gives the same bytes.
func Render(w io.Writer, d Document) error {
	_, err := render(w, d)
	return err
}

// layout is what a render produced, for tests and benchmarks.
type layout struct {
	pages    int
	contents contents
}

func render(w io.Writer, d Document) (layout, error) {
	d = sanitiseDocument(d)
	ui := uiFor(d.Language)
	r := newRenderer(d, ui)
	r.firstFoot = 2 // the cover has no footer
	if mark := d.Watermark(); mark != "" {
		r.watermark = watermark(mark)
	}
	r.cover(d)
	contents := r.planContents(d.Sections)
	for i, s := range d.Sections {
		if s.NewPage && !r.atTop() {
			r.newPage()
		}
		r.section(s, &contents.entries[i])
	}
	r.drawContents(contents)
	pages, err := r.finish(w)
	return layout{pages: pages, contents: contents}, err
}

// renderer places content on pages top to bottom and breaks pages itself,
// so it can keep headings with what follows and repeat table headers.
type renderer struct {
	fpdf      *gofpdf.Fpdf // read directly; written through pdf(), which keeps the page's order (raw.go)
	ui        *uiText
	running   string          // proposal title for the running head, cut to fit
	footer    string          // template name at the foot of each page
	firstFoot int             // first page with a footer: 2 after a cover
	watermark gofpdf.Template // painted first on each page; nil when final
	style     textStyle       // font last set, and on which page
	stylePage int
	y         float64 // top of the next thing placed on the current page
	lines     []string
	fallbacks [numStyles]bool // fallback faces registered so far
	raw       rawWriter
	laidOut   struct { // the table last laid out, and its layout (layoutTable)
		table *Table
		tl    tableLayout
		n     int
	}
}

func newRenderer(d Document, ui *uiText) *renderer {
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false) // deflateStreams compresses pages, with pooled writers
	pdf.SetCatalogSort(true)  // fonts and resources in a fixed order: same input, same bytes
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(marginLeft, bodyTop, marginRight)
	date := d.Date
	if date.IsZero() {
		date = time.Unix(0, 0).UTC() // gofpdf would use the clock, breaking reproducibility
	}
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.SetTitle(d.Title, true)
	pdf.SetAuthor(d.Network, true)
	pdf.SetSubject(joinNonEmpty(" — ", d.TemplateTitle, d.Country), true)
	pdf.SetKeywords(joinNonEmpty(" ", "IDUIT", d.TemplateKey, versionTag(d.TemplateVersion)), true)
	pdf.SetCreator("iduit", false)
	addFonts(pdf)
	pdf.SetTextColor(0, 0, 0) // the zero textStyle's grey, which setStyle assumes is set
	pdf.SetFillColor(0, 0, 0) // equal to the text colour, so black text needs no colour operators
	pdf.SetDrawColor(170, 170, 170)
	pdf.SetLineWidth(0.2)
	running := faces[runningStyle.face].ellipsis(d.Title, emWidth(runningStyle, contentWidth))
	r := &renderer{fpdf: pdf, ui: ui, running: running, firstFoot: 1}
	r.raw.content = pageContents.Get()
	r.footer = d.TemplateTitle
	return r
}

// finish writes the page footers, now that the page count is known, and the file.
func (r *renderer) finish(w io.Writer) (int, error) {
	total := r.fpdf.PageCount()
	room := contentWidth - textWidth(runningStyle, r.ui.pageLabel(total, total)) - 8
	r.footer = faces[runningStyle.face].ellipsis(r.footer, emWidth(runningStyle, room))
	for p := r.firstFoot; p <= total; p++ {
		r.pdf().SetPage(p)
		r.setStyle(runningStyle)
		r.text(marginLeft, footBaseline, r.footer)
		label := r.ui.pageLabel(p, total)
		r.text(pageWidth-marginRight-textWidth(runningStyle, label), footBaseline, label)
	}
	r.pdf().SetPage(total) // gofpdf writes as many pages as the current page number; this ends the last run
	raw := buffers.Get()
	content := r.raw.content // for deflateStreams, then back to the pool
	r.raw.content = nil
	defer func() {
		raw.Reset()
		buffers.Put(raw)
		content.reset()
		pageContents.Put(content)
	}()
	if err := r.fpdf.Output(raw); err != nil {
		return 0, err
	}
	return total, deflateStreams(w, raw.Bytes(), content)
}

// newPage starts a page with the watermark underneath and the running head.
func (r *renderer) newPage() {
	r.startPage()
	r.setStyle(runningStyle)
	r.text(marginLeft, headBaseline, r.running)
	r.pdf().Line(marginLeft, headRule, pageWidth-marginRight, headRule)
	r.y = bodyTop
}

// startPage adds a bare page (the cover has no running head).
func (r *renderer) startPage() {
	r.pdf().AddPage()
	if r.watermark != nil {
		r.pdf().UseTemplate(r.watermark)
	}
	r.y = bodyTop
}

func (r *renderer) atTop() bool { return r.y <= bodyTop+epsilon }

// ensure starts a new page unless h millimetres still fit on this one.
func (r *renderer) ensure(h float64) {
	if r.y+h > bodyBottom+epsilon && !r.atTop() {
		r.newPage()
	}
}

// setStyle selects a face, size and grey. gofpdf writes a font operator on
// every SetFont, so an unchanged font on the same page is not set again;
// an unchanged grey is not set again either (gofpdf formats it each time).
func (r *renderer) setStyle(ts textStyle) {
	if page := r.fpdf.PageNo(); ts.face != r.style.face || ts.size != r.style.size || page != r.stylePage {
		r.pdf().SetFont(fontFamily, faces[ts.face].code, ts.size)
		r.stylePage = page
	}
	if ts.grey != r.style.grey {
		r.fpdf.SetTextColor(ts.grey, ts.grey, ts.grey) // kept by gofpdf, applied per text call: writes nothing
	}
	r.style = ts
}

// emWidth converts millimetres to the 1/1000 em units of ts, rounding so
// that a word measured to fit a column exactly still fits it.
func emWidth(ts textStyle, mm float64) int {
	return int(math.Round(mm / (ts.size * mmPerPt) * 1000))
}

// textWidth measures s in millimetres.
func textWidth(ts textStyle, s string) float64 {
	return emToMM(ts, faces[ts.face].advance(s))
}

// emToMM converts a width in 1/1000 em of ts to millimetres.
func emToMM(ts textStyle, em int) float64 {
	return float64(em) / 1000 * ts.size * mmPerPt
}

// wrap breaks text into lines of at most width millimetres. The result is
// only valid until the next call.
func (r *renderer) wrap(ts textStyle, text string, width float64) []string {
	r.lines = faces[ts.face].wrap(text, emWidth(ts, width), r.lines[:0])
	return r.lines
}

// wrapped is wrap for lines that must outlive the next call.
func (r *renderer) wrapped(ts textStyle, text string, width float64) []string {
	return faces[ts.face].wrap(text, emWidth(ts, width), nil)
}

// line sets one line of text whose line box starts at top.
func (r *renderer) line(x, top float64, ts textStyle, s string) {
	if s != "" {
		r.text(x, top+(ts.leading+0.7*ts.size*mmPerPt)/2, s)
	}
}

// text sets s from x on baseline y in the current style. Runs of runes the
// Go face lacks are set in its fallback face, registered with the document
// the first time it is needed, so documents without such runes do not pay
// for embedding it.
func (r *renderer) text(x, y float64, s string) {
	// Most lines hold only runes drawn before in the Go face, and so none its fallback draws (their
	// runs go to the fallback's set): they are written at once.
	if r.putRaw(x, y, s, false) {
		return
	}
	fc := faces[r.style.face]
	if !fc.needsFallback(s) {
		r.putGofpdf(x, y, s, false)
		return
	}
	if !r.fallbacks[r.style.face] {
		addFallback(r.fpdf, fc)
		r.fallbacks[r.style.face] = true
	}
	for s != "" {
		n, fallback := fc.run(s)
		if fallback {
			r.pdf().SetFont(fallbackFamily, fc.code, r.style.size)
		}
		r.put(x, y, s[:n], fallback)
		if fallback { // back to the face setStyle believes is set
			r.pdf().SetFont(fontFamily, fc.code, r.style.size)
		}
		x += textWidth(r.style, s[:n])
		s = s[n:]
	}
}

// flow sets lines at x from the current position, breaking pages between
// them. A paragraph never starts with a single line at a page foot, nor
// leaves its last line alone at the top of the next page. A bullet, if any,
// goes in the margin of the first line.
func (r *renderer) flow(x float64, ts textStyle, lines []string, bullet string) {
	r.setStyle(ts)
	for i := 0; i < len(lines); {
		left := len(lines) - i
		take := min(left, int((bodyBottom-r.y+epsilon)/ts.leading))
		if take < left {
			if left-take == 1 && take > 2 {
				take-- // no widow
			} else if left-take == 1 && i == 0 && !r.atTop() {
				take = 0 // two lines here and one there would leave a widow: the paragraph moves whole
			}
			if i == 0 && take < 2 && !r.atTop() {
				take = 0 // no orphan
			}
		}
		if take == 0 && r.atTop() {
			take = 1 // a line taller than a page still goes somewhere
		}
		for k := range take {
			if i+k == 0 && bullet != "" {
				r.line(x-listIndent+1, r.y, ts, bullet)
			}
			r.line(x, r.y, ts, lines[i+k])
			r.y += ts.leading
		}
		if i += take; i < len(lines) {
			r.newPage()
			r.setStyle(ts)
		}
	}
}

func joinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += p
	}
	return out
}

func versionTag(v int) string {
	if v <= 0 {
		return ""
	}
	return "v" + strconv.Itoa(v)
}

func versionLabel(ui *uiText, v int) string {
	if v <= 0 {
		return ""
	}
	return ui.version + " " + strconv.Itoa(v)
}
