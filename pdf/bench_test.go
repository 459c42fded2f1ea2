package pdf

import (
	"io"
	"strings"
	"testing"

	"iduit/conceptnote"
	"iduit/internal/sample"
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
	benchmarkRender(b, render, referenceDocument())
}

// BenchmarkRenderWorksheet renders the reference document as a blank worksheet.
func BenchmarkRenderWorksheet(b *testing.B) {
	benchmarkRender(b, renderWorksheet, referenceDocument())
}

// BenchmarkRenderKyrgyz renders the reference note with Kyrgyz and Kazakh
// names and sentences in a heading and some answers: both fallback faces
// are embedded, which is what they cost.
func BenchmarkRenderKyrgyz(b *testing.B) {
	benchmarkRender(b, render, kyrgyzReference())
}

// kyrgyzReference is the reference document as a network in Bishkek might
// write it: Russian, with Kyrgyz and Kazakh names and a few sentences.
func kyrgyzReference() Document {
	d := referenceDocument()
	d.Network = "«Өмүр» коомдук бирикмеси"
	s := &d.Sections[1]
	s.Title += ": Қазақстан жана Кыргызстан"
	for i := range s.Fields {
		s.Fields[i].Text = strings.Join(kyrgyzSentences, " ") + "\n\n" + s.Fields[i].Text
	}
	return d
}

// BenchmarkRenderPackage renders the two concept notes of the submission package's reference proposal
// (submission.BenchmarkPackage): every answer at length, 2,000 budget lines and 200 framework rows, about
// 200 pages in English and 260 in Russian. They are most of the package's time; this measures them alone.
func BenchmarkRenderPackage(b *testing.B) {
	for _, lang := range []string{"en", "ru"} {
		d := packageNote(b, lang)
		b.Run(lang, func(b *testing.B) { benchmarkRender(b, render, d) })
	}
}

// packageNote builds a concept note of the package's reference proposal (sample.Reference) as the
// submission package does.
func packageNote(tb testing.TB, lang string) Document {
	tb.Helper()
	doc, tpl, cat := sample.Reference(tb)
	return conceptnote.Build(doc, tpl, cat, lang)
}

// benchmarkRender reports the CPU time per render beside the wall time (sample.MeasureCPU): on a
// shared machine the wall time measures the neighbours too.
func benchmarkRender(b *testing.B, fn func(io.Writer, Document) (layout, error), d Document) {
	var w countingWriter
	var l layout
	sample.MeasureCPU(b, func() {
		w.n = 0
		var err error
		if l, err = fn(&w, d); err != nil {
			b.Fatal(err)
		}
	})
	b.ReportMetric(float64(l.pages), "pages")
	b.ReportMetric(float64(w.n), "pdf-bytes")
}
