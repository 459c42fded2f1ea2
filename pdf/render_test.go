package pdf

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"iduit/document"
)

// renderCase is one document rendered one way.
type renderCase struct {
	name   string
	render func(io.Writer, Document) (layout, error)
	doc    Document
}

func renderCases() []renderCase {
	final := referenceDocument()
	final.Final, final.Language, final.Status = true, "en", "final"
	return []renderCase{
		{"reference", render, referenceDocument()},
		{"final-english", render, final},
		{"worksheet", renderWorksheet, referenceDocument()},
		{"empty", render, Document{}},
		{"empty-worksheet", renderWorksheet, Document{}},
		{"kyrgyz", render, kyrgyzDocument()},
	}
}

// renderFile renders c to a temporary file.
func renderFile(t *testing.T, c renderCase) (string, layout) {
	t.Helper()
	var l layout
	path := writePDF(t, c.name+".pdf", func(b *bytes.Buffer) (err error) {
		l, err = c.render(b, c.doc)
		return err
	})
	return path, l
}

func TestRenderedFilesAreValidPDF(t *testing.T) {
	for _, c := range renderCases() {
		t.Run(c.name, func(t *testing.T) {
			path, l := renderFile(t, c)
			out := tool(t, "qpdf", "--check", path)
			if !strings.Contains(out, "No syntax or stream encoding errors") {
				t.Errorf("qpdf --check:\n%s", out)
			}
			if got := pdfInfo(t, path)["Pages"]; got != strconv.Itoa(l.pages) {
				t.Errorf("pdfinfo Pages = %s, renderer counted %d", got, l.pages)
			}
		})
	}
}

func TestRenderTextExtractsAsTyped(t *testing.T) {
	d := referenceDocument()
	path, _ := renderFile(t, renderCase{"reference", render, d})
	body := normalise(strings.Join(pageTexts(t, path, true), " "))
	want := []string{d.Title, d.Network, d.Country, d.Component, d.Status, "14 марта 2025 г."}
	for _, s := range d.Sections {
		want = append(want, heading(s))
		want = append(want, s.Chapters...)
		for _, f := range s.Fields {
			want = append(want, f.Label)
			for _, b := range document.Blocks(f.Text) {
				want = append(want, b.Text)
			}
			want = append(want, f.Items...)
			if f.Table != nil {
				want = append(want, f.Table.Columns[len(f.Table.Columns)-1])
			}
			if f.Empty {
				want = append(want, russian.notAnswered)
			}
		}
	}
	for _, w := range want {
		if !strings.Contains(body, normalise(w)) {
			t.Errorf("extracted text lacks %q", w)
		}
	}
}

func TestContentsPageNumbersMatchSections(t *testing.T) {
	d := referenceDocument()
	path, l := renderFile(t, renderCase{"reference", render, d})
	entries := l.contents.entries
	lastContents := entries[len(entries)-1].onPage
	// The printed numbers, read as a reader would: the last figure on a
	// line of the contents, after the dotted leader's gap.
	numberAtEnd := regexp.MustCompile(`\s{2,}(\d+)\s*$`)
	var printed []int
	for _, page := range pageTexts(t, path, true, "-layout", "-f", "2", "-l", strconv.Itoa(lastContents)) {
		for line := range strings.SplitSeq(page, "\n") {
			if m := numberAtEnd.FindStringSubmatch(line); m != nil {
				n, _ := strconv.Atoi(m[1])
				printed = append(printed, n)
			}
		}
	}
	if len(printed) != len(d.Sections) {
		t.Fatalf("contents show %d page numbers, want %d: %v", len(printed), len(d.Sections), printed)
	}
	pages := pageTexts(t, path, true)
	for i, s := range d.Sections {
		found := 0
		for p := lastContents + 1; p <= len(pages); p++ {
			if strings.Contains(normalise(pages[p-1]), normalise(heading(s))) {
				found = p
				break
			}
		}
		if found != printed[i] || found != entries[i].page {
			t.Errorf("section %q: contents say page %d (layout %d), heading is on page %d",
				s.Title, printed[i], entries[i].page, found)
		}
	}
}

func TestBookmarksLeadToEverySection(t *testing.T) {
	d := referenceDocument()
	path, l := renderFile(t, renderCase{"reference", render, d})
	var doc struct {
		Outlines []struct {
			Title string `json:"title"`
			Page  int    `json:"destpageposfrom1"`
		} `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(tool(t, "qpdf", "--json", "--json-key=outlines", path)), &doc); err != nil {
		t.Fatal(err)
	}
	type mark struct {
		title string
		page  int
	}
	want := []mark{{russian.contents, 2}}
	for i, s := range d.Sections {
		want = append(want, mark{heading(s), l.contents.entries[i].page})
	}
	var got []mark
	for _, o := range doc.Outlines {
		got = append(got, mark{o.Title, o.Page})
	}
	if !slices.Equal(got, want) {
		t.Errorf("bookmarks:\n got %v\nwant %v", got, want)
	}
}

func TestEveryPageButTheCoverHasItsNumber(t *testing.T) {
	for _, c := range renderCases()[:3] {
		t.Run(c.name, func(t *testing.T) {
			path, l := renderFile(t, c)
			ui := uiFor(c.doc.Language)
			pages := pageTexts(t, path, false)
			if len(pages) != l.pages {
				t.Fatalf("pdftotext found %d pages, want %d", len(pages), l.pages)
			}
			for p, text := range pages {
				label := ui.pageLabel(p+1, l.pages)
				want := p > 0 || c.name == "worksheet" // a worksheet has no cover
				if got := strings.Contains(normalise(text), label); got != want {
					t.Errorf("page %d: footer %q present = %v, want %v", p+1, label, got, want)
				}
			}
		})
	}
}

func TestTableHeaderRepeatsOnEveryPage(t *testing.T) {
	d := referenceDocument()
	path, _ := renderFile(t, renderCase{"reference", render, d})
	table := d.Sections[6].Fields[2].Table
	pages := pageTexts(t, path, true)
	firstRow, lastRow := normalise(strings.Join(table.Rows[0], " ")), normalise(strings.Join(table.Rows[len(table.Rows)-1], " "))
	first, last := 0, 0
	for p, text := range pages {
		text = normalise(text)
		if first == 0 && strings.Contains(text, firstRow) {
			first = p + 1
		}
		if first != 0 && last == 0 && strings.Contains(text, lastRow) {
			last = p + 1
		}
	}
	if first == 0 || last <= first {
		t.Fatalf("want the gap table to span pages; first row on %d, last on %d", first, last)
	}
	for p := first; p <= last; p++ {
		if !strings.Contains(normalise(pages[p-1]), normalise(table.Columns[0])) {
			t.Errorf("page %d continues the table without its header row", p)
		}
	}
}

func TestMetadata(t *testing.T) {
	d := referenceDocument()
	path, _ := renderFile(t, renderCase{"reference", render, d})
	info := pdfInfo(t, path)
	want := map[string]string{
		"Title":        d.Title,
		"Author":       d.Network,
		"Creator":      "iduit",
		"Subject":      d.TemplateTitle + " — " + d.Country,
		"CreationDate": "2025-03-14T16:05:00",
		"ModDate":      "2025-03-14T16:05:00",
	}
	for k, v := range want {
		if !strings.HasPrefix(info[k], v) {
			t.Errorf("pdfinfo %s = %q, want %q", k, info[k], v)
		}
	}
}

func TestMissingGlyphsAreReplacedVisibly(t *testing.T) {
	typed := "Алматы, Қазақстан 🚀 中文 עברית Grüße e\u0301 ok\x07\u200d!"
	want := "Алматы, Қазақстан � �� ����� Grüße é ok!"
	if got := sanitise(typed, false); got != want {
		t.Fatalf("sanitise = %q, want %q", got, want)
	}
	d := Document{Title: "Glyphs 🙂", Language: "en", Final: true, Date: time.Unix(0, 0),
		Sections: []Section{{Number: "1", Title: typed, Fields: []Field{{Label: typed, Text: typed}}}}}
	path, _ := renderFile(t, renderCase{"glyphs", render, d})
	body := normalise(strings.Join(pageTexts(t, path, true), " "))
	for _, w := range []string{"Glyphs �", "1 " + want, want} {
		if !strings.Contains(body, w) {
			t.Errorf("extracted text lacks %q in %q", w, body)
		}
	}
}

func TestDraftWatermarkIsOnEveryPageAndNotInTheText(t *testing.T) {
	for _, c := range renderCases()[:2] {
		t.Run(c.name, func(t *testing.T) {
			path, l := renderFile(t, c)
			expanded := path + ".qdf"
			tool(t, "qpdf", "--qdf", "--object-streams=disable", path, expanded)
			raw, err := os.ReadFile(expanded)
			if err != nil {
				t.Fatal(err)
			}
			// One shared form XObject, painted on each page.
			marks := len(regexp.MustCompile(`/TPL[0-9a-f]+ Do`).FindAll(raw, -1))
			forms := strings.Count(string(raw), "q "+watermarkGrey+" g")
			want, wantForms := l.pages, 1
			if c.doc.Final {
				want, wantForms = 0, 0
			}
			if marks != want || forms != wantForms {
				t.Errorf("watermark painted %d times from %d forms, want %d from %d", marks, forms, want, wantForms)
			}
			all := strings.Join(pageTexts(t, path, false), " ")
			if strings.Contains(all, "DRAFT") || strings.Contains(all, "ПРОЕКТ") {
				t.Error("the watermark word shows up in the extracted text")
			}
		})
	}
}

func TestWorksheetShowsGuidanceNotAnswers(t *testing.T) {
	d := referenceDocument()
	path, _ := renderFile(t, renderCase{"worksheet", renderWorksheet, d})
	body := normalise(strings.Join(pageTexts(t, path, true), " "))
	for _, w := range []string{russian.worksheet, russian.instruction, d.Sections[0].Fields[0].Guidance,
		d.Sections[15].Fields[2].Items[0], heading(d.Sections[3])} {
		if !strings.Contains(body, normalise(w)) {
			t.Errorf("worksheet lacks %q", w)
		}
	}
	if answer := document.Blocks(d.Sections[0].Fields[0].Text)[0].Text; strings.Contains(body, normalise(answer)) {
		t.Error("worksheet prints an answer")
	}
}
