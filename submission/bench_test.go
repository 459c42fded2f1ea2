package submission

import (
	"bytes"
	"testing"

	"iduit/budget"
	"iduit/export"
	"iduit/internal/sample"
	"iduit/templates"
)

// reference is the package's reference proposal (sample.Reference).
func reference(tb testing.TB) (export.Document, *templates.Template, *budget.Catalogue) {
	return sample.Reference(tb)
}

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
