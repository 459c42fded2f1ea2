package submission

import (
	"bytes"
	"testing"

	"iduit/budget"
	"iduit/export"
	"iduit/internal/sample"
	"iduit/templates"
)

// reference is the bilingual reference proposal: every text answer at length in English and Russian
// (about 30 pages of PDF per language), 2,000 budget lines and 200 framework rows.
func reference(tb testing.TB) (export.Document, *templates.Template, *budget.Catalogue) {
	tb.Helper()
	tpls, err := templates.Embedded()
	if err != nil {
		tb.Fatal(err)
	}
	tpl, ok := tpls.Latest("gf-concept-note-pwid")
	if !ok {
		tb.Fatal("no reference template")
	}
	cat, err := budget.Embedded()
	if err != nil {
		tb.Fatal(err)
	}
	doc := sample.Export(cat, sample.Size{Lines: 2000, Indicators: 200, Template: tpl, Words: referenceWords, Bilingual: true})
	return doc, tpl, cat
}

// referenceWords per text answer gives the reference proposal its length.
const referenceWords = 350

// BenchmarkPackage makes the whole submission package of the reference proposal: two PDFs, the
// workbook and the manifest. Target (docs/performance.md): under 150 ms at GOMAXPROCS=1.
//
//	go test ./submission -run XXX -bench Package -benchmem -cpu 1 -count 5
func BenchmarkPackage(b *testing.B) {
	doc, tpl, cat := reference(b)
	var buf bytes.Buffer
	sample.MeasureCPU(b, func() {
		buf.Reset()
		if err := Write(&buf, doc, Contents(doc, tpl, cat), nil); err != nil {
			b.Fatal(err)
		}
	})
	b.ReportMetric(float64(buf.Len()), "zip-bytes")
}
