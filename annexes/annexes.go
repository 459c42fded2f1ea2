// Package annexes writes a proposal's Excel annexes: the detailed budget (Health Products and Non-Health
// Products worksheets, as in the Global Fund's GC7 template), its summary, the performance framework,
// the programmatic gap table and the funding landscape, in one .xlsx workbook. It reads a proposal
// export, as the PDF builder does, so the server and `iduit render` write the same file.
//
// The Global Fund's annexes are Excel files, so the package is named after what it makes, and it is the
// only package that imports excelize.
package annexes

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"

	"iduit/budget"
	"iduit/document"
	"iduit/export"
	"iduit/internal/spare"
)

// ContentType is the media type of an .xlsx workbook.
const ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// Part kinds the workbook reads; a kind absent from the export leaves its sheets out.
const (
	kindBudget     = "budget"
	kindIndicators = "indicators"
)

// input is what the sheets read: the export and its parts decoded once.
type input struct {
	doc       export.Document
	budget    *export.BudgetBody    // nil when the proposal has no budget
	framework *export.FrameworkBody // nil when it has no performance framework
	// interventions and priorities are the funding request's records; nil when the proposal has none.
	interventions *export.InterventionsBody
	priorities    *export.PrioritiesBody
	currency      budget.Currency
}

// sheet is one worksheet: its name's key in words and the function that writes it. A sheet whose
// present says no is left out, so a new kind of document (PAAR, community priorities, intervention
// records) is one more entry in sheets and one more file here.
type sheet struct {
	name    string
	present func(in *input) bool
	write   func(b *book, sw *excelize.StreamWriter) error
}

// sheets are the workbook's worksheets in order. The budget sheets come before the sheets whose
// formulas refer to them.
var sheets = []sheet{
	{name: "sheet.hp", present: hasBudget, write: (*book).healthProducts},
	{name: "sheet.nhp", present: hasBudget, write: (*book).nonHealthProducts},
	{name: "sheet.summary", present: hasBudget, write: (*book).summary},
	{name: "sheet.framework", present: hasFramework, write: (*book).framework},
	{name: "sheet.gaps", present: hasGaps, write: (*book).gaps},
	{name: "sheet.landscape", present: hasBudget, write: (*book).landscape},
	{name: "sheet.paar", present: hasPAAR, write: (*book).paar},
	{name: "sheet.priorities", present: hasPriorities, write: (*book).priorities},
}

func hasBudget(in *input) bool    { return in.budget != nil }
func hasFramework(in *input) bool { return in.framework != nil }
func hasGaps(in *input) bool      { return in.framework != nil && len(in.framework.Gaps) > 0 }

// Write writes the workbook of doc in lang ("en" or "ru"). The same export gives the same bytes: the
// document properties carry the proposal's last change, not the clock, and the archive's entries are
// written in name order.
func Write(w io.Writer, doc export.Document, cat *budget.Catalogue, lang string) error {
	return WriteDecoded(w, doc, export.Decode(doc.Documents), cat, lang)
}

// WriteDecoded is Write with the export's structured parts already decoded (export.Decode), for callers
// that build several documents from one export; it only reads them.
func WriteDecoded(w io.Writer, doc export.Document, dec *export.Decoded, cat *budget.Catalogue, lang string) error {
	if _, ok := words[lang]; !ok {
		return fmt.Errorf("annexes: no labels in %q", lang)
	}
	in, err := read(doc, dec)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	b := &book{f: f, in: in, cat: cat, lang: lang, w: words[lang]}
	if err := b.makeStyles(); err != nil {
		return err
	}
	if err := b.writeSheets(); err != nil {
		return err
	}
	if err := b.properties(); err != nil {
		return err
	}
	sorted := &sortedZip{}
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return sorted })
	if _, err := f.WriteTo(io.Discard); err != nil {
		return err
	}
	return sorted.writeTo(w)
}

// partNames name the parts the sheets use in read's errors.
var partNames = map[string]string{kindBudget: "the budget", kindIndicators: "the performance framework",
	kindInterventions: "the intervention records", kindPriorities: "the community priorities"}

// read takes the parts the sheets use; a part that does not decode is an error, not an empty sheet.
func read(doc export.Document, dec *export.Decoded) (*input, error) {
	if dec == nil {
		dec = export.Decode(doc.Documents)
	}
	for _, kind := range []string{kindBudget, kindIndicators, kindInterventions, kindPriorities} {
		if err := dec.Errs[kind]; err != nil {
			return nil, fmt.Errorf("annexes: %s: %w", partNames[kind], err)
		}
	}
	in := &input{doc: doc, budget: dec.Budget, framework: dec.Framework, interventions: dec.Interventions, priorities: dec.Priorities}
	if in.budget != nil {
		in.currency = currencyOf(in.budget.Currency)
	}
	return in, nil
}

func currencyOf(code string) budget.Currency {
	if c, ok := budget.LookupCurrency(code); ok {
		return c
	}
	return budget.Currency{Code: code, Digits: 2}
}

// book is the workbook being written, with what one sheet leaves for the next (the budget's ranges).
type book struct {
	f    *excelize.File
	in   *input
	cat  *budget.Catalogue
	lang string
	w    map[string]string
	st   styles
	// current is the sheet being written.
	current string
	// groupings caches the cost groupings' labels.
	groupings map[string]string
	// budgetSheets are the two detailed-budget sheets once written, for the summary's formulas.
	budgetSheets []budgetRange
}

// writeSheets writes every present sheet; the workbook's first sheet ("Sheet1") becomes the About sheet.
func (b *book) writeSheets() error {
	about := b.w["sheet.about"]
	if err := b.f.SetSheetName("Sheet1", about); err != nil {
		return err
	}
	if err := b.stream(about, (*book).about); err != nil {
		return err
	}
	for _, s := range sheets {
		if !s.present(b.in) {
			continue
		}
		if _, err := b.f.NewSheet(b.w[s.name]); err != nil {
			return err
		}
		if err := b.stream(b.w[s.name], s.write); err != nil {
			return fmt.Errorf("annexes: sheet %s: %w", s.name, err)
		}
	}
	// The About sheet is active already; SetActiveSheet would read every streamed sheet back in.
	return nil
}

func (b *book) stream(name string, write func(*book, *excelize.StreamWriter) error) error {
	if err := b.pageSetup(name); err != nil {
		return err
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	if err := write(b, sw); err != nil {
		return err
	}
	return sw.Flush()
}

// pageSetup prints a sheet on A4 landscape, one page wide: a CCM prints the annexes for its meeting. The stream writer copies these settings from the
// sheet, so they are set before it starts.
func (b *book) pageSetup(name string) error {
	if err := b.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	// The About sheet is short: on one page.
	tall := 0
	if name == b.w["sheet.about"] {
		tall = 1
	}
	if err := b.f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: ptr(9), Orientation: ptr("landscape"),
		FitToWidth: ptr(1), FitToHeight: ptr(tall)}); err != nil {
		return err
	}
	b.current = name
	return nil
}

// repeatRows prints the current sheet's first rows (title and header) on every page.
func (b *book) repeatRows(rows int) error {
	return b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("%s$1:$%d", sheetRef(b.current), rows), Scope: b.current})
}

// proposalTexts are the proposal's title, country and network in the workbook's language, marked where
// a bilingual proposal's translation is missing, as the PDF's cover prints them.
func (b *book) proposalTexts() export.ProposalTexts {
	return b.in.doc.Proposal.ShownIn(b.lang, func(own, other string) string { return document.InLanguage(own, other, b.lang) })
}

// properties are the document properties a file browser and the Partner Portal show.
func (b *book) properties() error {
	p, shown := b.in.doc.Proposal, b.proposalTexts()
	when := p.UpdatedAt.UTC().Format(time.RFC3339)
	return b.f.SetDocProps(&excelize.DocProperties{
		Title: shown.Title, Subject: b.w["doc"], Creator: shown.Network, LastModifiedBy: shown.Network,
		Description: b.w["note"], Keywords: "Global Fund; " + shown.Country, Language: b.lang,
		Identifier: p.ID, Created: when, Modified: when, Category: b.w["doc"],
	})
}

// sortedZip collects the archive's entries and writes them in name order: excelize writes streamed
// sheets in map order, which would make the same proposal give different bytes (and ETags) each time.
// Each entry is deflated as excelize writes it and kept compressed, then copied raw into the archive:
// holding the parts uncompressed until the end grew a buffer of megabytes per sheet, whose clearing was a
// tenth of a workbook's CPU. excelize writes one entry at a time, as a zip writer's caller must.
type sortedZip struct {
	entries []*zipEntry
	open    *zipEntry     // the entry being written, nil when none is
	fw      *flate.Writer // deflates the open entry
}

type zipEntry struct {
	name string
	crc  uint32
	size uint64       // uncompressed
	data bytes.Buffer // deflated
}

// deflaters keeps two deflate writers between workbooks (package spare); each allocates about a megabyte.
var deflaters = spare.New(2, func() *flate.Writer {
	fw, _ := flate.NewWriter(nil, flate.BestSpeed) // the fastest level: half the default's time, a third larger
	return fw
}, nil)

func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	if z.fw == nil {
		z.fw = deflaters.Get()
	}
	z.open = &zipEntry{name: name}
	z.fw.Reset(&z.open.data)
	z.entries = append(z.entries, z.open)
	return z, nil
}

// Write writes to the open entry.
func (z *sortedZip) Write(p []byte) (int, error) {
	if z.open == nil {
		return 0, fmt.Errorf("annexes: write to the workbook's archive with no entry open")
	}
	z.open.crc = crc32.Update(z.open.crc, crc32.IEEETable, p)
	z.open.size += uint64(len(p))
	return z.fw.Write(p)
}

// finish ends the open entry's deflate stream.
func (z *sortedZip) finish() error {
	if z.open == nil {
		return nil
	}
	z.open = nil
	return z.fw.Close()
}

func (z *sortedZip) AddFS(fs.FS) error { return fmt.Errorf("annexes: AddFS is not used") }

func (z *sortedZip) Close() error { return z.finish() }

func (z *sortedZip) writeTo(w io.Writer) error {
	if err := z.finish(); err != nil {
		return err
	}
	if z.fw != nil {
		deflaters.Put(z.fw)
		z.fw = nil
	}
	slices.SortFunc(z.entries, func(a, b *zipEntry) int {
		// [Content_Types].xml first, as Office writes it; then by name.
		return strings.Compare(entryOrder(a.name), entryOrder(b.name))
	})
	zw := zip.NewWriter(w)
	for _, e := range z.entries {
		fw, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: zip.Deflate, CRC32: e.crc,
			CompressedSize64: uint64(e.data.Len()), UncompressedSize64: e.size})
		if err != nil {
			return err
		}
		if _, err := e.data.WriteTo(fw); err != nil {
			return err
		}
	}
	return zw.Close()
}

func entryOrder(name string) string {
	if name == "[Content_Types].xml" {
		return ""
	}
	return name
}

// SheetNames are the names of the sheets Write puts in doc's workbook in lang, after the "About" sheet,
// so that the concept note's list of annexes names what the workbook holds. An export Write would
// refuse gives none.
func SheetNames(doc export.Document, lang string) []string {
	return SheetNamesDecoded(doc, export.Decode(doc.Documents), lang)
}

// SheetNamesDecoded is SheetNames with the export's structured parts already decoded.
func SheetNamesDecoded(doc export.Document, dec *export.Decoded, lang string) []string {
	w, ok := words[lang]
	in, err := read(doc, dec)
	if !ok || err != nil {
		return nil
	}
	var out []string
	for _, s := range sheets {
		if s.present(in) {
			out = append(out, w[s.name])
		}
	}
	return out
}
