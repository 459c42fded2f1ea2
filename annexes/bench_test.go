package annexes

import (
	"io"
	"testing"

	"iduit/internal/sample"
)

// BenchmarkWorkbook writes the annexes of a large request: 2,000 budget lines over three years and a
// performance framework of 200 rows. Targets (docs/performance.md): under 40 ms and 64 MB allocated per
// workbook at GOMAXPROCS=1.
//
//	go test ./annexes -run XXX -bench Workbook -benchmem -cpu 1 -count 5
func BenchmarkWorkbook(b *testing.B) {
	doc := sample.Export(catalogue(b), sample.Size{Lines: 2000, Indicators: 200})
	cat := catalogue(b)
	var w countingWriter
	sample.MeasureCPU(b, func() {
		w = 0
		if err := Write(&w, doc, cat, "ru"); err != nil {
			b.Fatal(err)
		}
	})
	b.ReportMetric(float64(w), "xlsx-bytes")
}

// countingWriter discards the workbook but keeps its size.
type countingWriter int

func (w *countingWriter) Write(p []byte) (int, error) {
	*w += countingWriter(len(p))
	return len(p), nil
}

var _ io.Writer = (*countingWriter)(nil)
