package pdf

import (
	"io"
	"testing"
)

// countingWriter discards output but keeps its size.
type countingWriter struct{ n int }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	return len(p), nil
}

// BenchmarkRender renders the ~30-page bilingual reference concept note.
// Targets (see PERFORMANCE.md): under 15 ms median with GOMAXPROCS=1,
// under 30 MB allocated per render, under 250 KB of PDF.
//
//	go test ./pdf -run XXX -bench . -benchmem -cpu 1 -count 10
func BenchmarkRender(b *testing.B) {
	benchmarkRender(b, render)
}

// BenchmarkRenderWorksheet renders the reference document as a blank worksheet.
func BenchmarkRenderWorksheet(b *testing.B) {
	benchmarkRender(b, renderWorksheet)
}

func benchmarkRender(b *testing.B, fn func(io.Writer, Document) (layout, error)) {
	d := referenceDocument()
	var w countingWriter
	var l layout
	b.ReportAllocs()
	for b.Loop() {
		w.n = 0
		var err error
		if l, err = fn(&w, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(l.pages), "pages")
	b.ReportMetric(float64(w.n), "pdf-bytes")
}
