package pdf

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// FuzzRender feeds arbitrary text into every place a user can type: the
// renderer must never panic and must always write a PDF. Seeds with RTL
// text, combining marks, emoji and control characters live in
// testdata/fuzz/FuzzRender. Each run renders with fresh fonts and so is
// slow under the fuzzer's instrumentation; keep minimisation short:
//
//	go test ./pdf -run XXX -fuzz FuzzRender -fuzztime 2m -fuzzminimizetime 10x
func FuzzRender(f *testing.F) {
	f.Add("Снижение вреда", "Вопрос?", "Абзац.\n\n- пункт\n- item", "ru")
	f.Fuzz(func(t *testing.T, title, label, text, lang string) {
		d := Document{
			Title: title, Network: label, Country: text, Component: title, TemplateTitle: label,
			TemplateKey: title, TemplateVersion: len(text), Status: label, Language: lang,
			Date:  time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC),
			Final: len(title)%2 == 0,
			Sections: []Section{{
				Number: label, Title: title, Chapters: []string{text, label},
				Fields: []Field{
					{Label: label, Text: text, Guidance: text},
					{Label: title, Items: []string{text, label, ""}, Lines: len(label) % 12},
					{Label: text, Table: &Table{Columns: []string{title, label}, Rows: [][]string{{text}, {label, title, text}, nil}}},
					{Label: label, Empty: true},
				},
			}, {Title: text}},
		}
		for name, fn := range map[string]func(*bytes.Buffer, Document) error{
			"Render":          func(b *bytes.Buffer, d Document) error { return Render(b, d) },
			"RenderWorksheet": func(b *bytes.Buffer, d Document) error { return RenderWorksheet(b, d) },
		} {
			var out bytes.Buffer
			if err := fn(&out, d); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !strings.HasPrefix(out.String(), "%PDF") {
				t.Fatalf("%s wrote %.20q, not a PDF", name, out.String())
			}
		}
	})
}
