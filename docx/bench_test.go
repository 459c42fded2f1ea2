package docx

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"iduit/document"
	"iduit/internal/reference"
)

// countingWriter discards output but keeps its size.
type countingWriter struct{ n int }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	return len(p), nil
}

// BenchmarkDocx writes the ~30-page bilingual reference concept note as .docx. Target (see
// docs/performance.md): under 15 ms with GOMAXPROCS=1, and at least 30 times faster than
// BenchmarkPandoc, which makes a .docx of the same content; run them together:
//
//	go test ./docx -run XXX -bench . -benchmem -cpu 1 -count 5
func BenchmarkDocx(b *testing.B) {
	d := reference.Document()
	var w countingWriter
	b.ReportAllocs()
	for b.Loop() {
		w.n = 0
		if err := Render(&w, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(w.n), "docx-bytes")
}

// BenchmarkPandoc times pandoc turning the reference note's text, as Markdown, into a .docx: the
// yardstick the Word writer is measured against.
func BenchmarkPandoc(b *testing.B) {
	if _, err := exec.LookPath("pandoc"); err != nil {
		b.Skip("pandoc not installed")
	}
	dir := b.TempDir()
	in := filepath.Join(dir, "concept-note.md")
	md := markdown(reference.Document())
	if err := os.WriteFile(in, []byte(md), 0o644); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(dir, "concept-note.docx")
	for b.Loop() {
		if msg, err := exec.Command("pandoc", "-o", out, in).CombinedOutput(); err != nil {
			b.Fatalf("pandoc: %v\n%s", err, msg)
		}
	}
	b.ReportMetric(float64(len(md)), "markdown-bytes")
}

// markdown writes the document's text as Markdown: the cover as lines, headings, paragraphs, lists and
// pipe tables.
func markdown(d document.Document) string {
	var b strings.Builder
	line := func(parts ...string) {
		for _, p := range parts {
			b.WriteString(p)
		}
		b.WriteString("\n\n")
	}
	line("# ", d.Title)
	line(d.TemplateTitle, ", ", d.Network, ", ", d.Country, ", ", d.Component, ", ", d.Status)
	cell := func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ") }
	for _, s := range d.Sections {
		line("# ", heading(s))
		for _, c := range s.Chapters {
			line("*", c, "*")
		}
		for _, f := range s.Fields {
			line("## ", f.Label)
			for _, bl := range document.Blocks(f.Text) {
				if bl.Item {
					line("- ", bl.Text)
				} else {
					line(bl.Text)
				}
			}
			for _, it := range f.Items {
				line("- ", it)
			}
			if t := f.Table; t != nil && len(t.Columns) > 0 {
				b.WriteString("|")
				for _, c := range t.Columns {
					b.WriteString(" " + cell(c) + " |")
				}
				b.WriteString("\n|" + strings.Repeat(" --- |", len(t.Columns)) + "\n")
				for _, r := range t.Rows {
					b.WriteString("|")
					for i := range t.Columns {
						b.WriteString(" " + cell(cellAt(r, i)) + " |")
					}
					b.WriteString("\n")
				}
				b.WriteString("\n")
			}
		}
	}
	return b.String()
}
