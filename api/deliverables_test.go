package api

import (
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// localeWant is what a reader of one language must find in every deliverable of the proposal
// TestDeliverablesInTheDocumentsLanguage writes, and what must not be there.
var localeWant = map[string]struct{ present, absent []string }{
	"en": {
		present: []string{"Harm reduction in Bishkek", "Kyrgyzstan", "ENPUD", "Network coordinator", "[translation missing] Шприцы для ПОШ",
			"5,400,000", "24,000.00 USD", "10 September 2026", "41.2%", "25,000", "12,000"},
		absent: []string{"Снижение вреда в Бишкеке", "Координатор", "5400000", "2026-09-10", "24000", "41,2"},
	},
	"ru": {
		present: []string{"Снижение вреда в Бишкеке", "Кыргызстан", "ЕСЛУН", "Координатор сети ЛУИН", "Шприцы для ПОШ", "ENPUD",
			"5 400 000", "24 000,00 USD", "10.09.2026", "41,2 %", "25 000", "12 000"},
		absent: []string{"Harm reduction in Bishkek", "Network coordinator", "[нет перевода]", "5400000", "2026-09-10", "41.2", "24,000"},
	},
}

// The PDF and the Word file of a Russian-first bilingual proposal show, in each language, that
// language's title, country, network and budget-line descriptions (the other language under the mark
// where a translation is missing), each line's implementer, and every number, share and date as that
// reader writes them; the workbook holds the same texts, and its figures as numbers with number formats
// and its dates as dates. Read by pdftotext, pandoc and openpyxl, which no one here wrote.
func TestDeliverablesInTheDocumentsLanguage(t *testing.T) {
	pandoc, pdftotext, python := tool(t, "pandoc"), tool(t, "pdftotext"), pythonWithOpenpyxl(t)
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		id := bilingualProposal(t, a, owner)
		base := "/api/v1/proposals/" + id
		first := map[string]string{"If-Match": `"0"`}
		a.do(t, call{method: "PUT", path: base + "/budget", token: owner.token, body: bilingualBudget(), header: first}).want(200)
		a.do(t, call{method: "PUT", path: base + "/indicators", token: owner.token, body: sampleFramework(), header: first}).want(200)
		a.do(t, call{method: "PUT", path: sectionPath(id, "epidemiology"), token: owner.token, header: first,
			body: map[string]any{"fields": map[string]any{"pwid-size-estimate": 5400000}}}).want(200)
		a.do(t, call{method: "PUT", path: sectionPath(id, "community-led-monitoring"), token: owner.token, header: first,
			body: map[string]any{"fields": map[string]any{"clm-first-report": "2026-09-10"}}}).want(200)

		if dir := os.Getenv("IDUIT_DUMP"); dir != "" { // for looking at: `iduit render --in` this file
			_ = os.WriteFile(filepath.Join(dir, "export.json"), a.do(t, call{method: "GET", path: base + "/export", token: owner.token}).want(200).Body.Bytes(), 0o600)
		}
		for lang, want := range localeWant {
			// Each file is named by the title in its own language.
			get := func(path string) []byte {
				r := a.do(t, call{method: "GET", path: base + path + "?lang=" + lang, token: owner.token}).want(200)
				cd := r.Header().Get("Content-Disposition")
				name, err := url.PathUnescape(cd[strings.Index(cd, "filename*=UTF-8''")+len("filename*=UTF-8''"):])
				if err != nil || !strings.HasPrefix(name, want.present[0]) {
					t.Errorf("%s %s is named %q (%v), want the title %q", lang, path, name, err, want.present[0])
				}
				return r.Body.Bytes()
			}
			docs := map[string]string{
				// Content-stream order keeps a table cell's wrapped lines together, where -layout interleaves
				// the cells of a row.
				"PDF": readWith(t, pdftotext, get("/pdf"), ".pdf", "-raw", "{}", "-"),
				// Standalone, so that the title pandoc takes as the document's metadata is printed too.
				"Word": readWith(t, pandoc, get("/docx"), ".docx", "-s", "-t", "plain", "--columns=100000", "{}"),
			}
			for format, text := range docs {
				text = strings.Join(strings.Fields(text), " ") // no-break and narrow spaces read as spaces
				for _, w := range want.present {
					if !strings.Contains(text, w) {
						t.Errorf("%s %s: %q is missing", lang, format, w)
					}
				}
				for _, w := range want.absent {
					if strings.Contains(text, w) {
						t.Errorf("%s %s: %q is there", lang, format, w)
					}
				}
			}
			checkWorkbook(t, python, lang, get("/annexes.xlsx"))
		}
	})
}

// readWith writes data to a file with the extension ext and returns what the tool prints reading it;
// "{}" in args stands for the file.
func readWith(t *testing.T, tool string, data []byte, ext string, args ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "file"+ext)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	args = slices.Clone(args)
	for i := range args {
		if args[i] == "{}" {
			args[i] = path
		}
	}
	out, err := exec.Command(tool, args...).Output()
	if err != nil {
		t.Fatalf("%s: %v", tool, err)
	}
	return string(out)
}

// workbookCells has openpyxl list every non-empty cell: sheet, value as text, its type ("n" number,
// "f" formula, "s" text, "d" date), its number format, and whether openpyxl reads it as a date.
const workbookCells = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                out.append([ws.title, c.coordinate, str(c.value), c.data_type, c.number_format, c.is_date])
print(json.dumps(out, ensure_ascii=False))
`

func checkWorkbook(t *testing.T, python, lang string, data []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "annexes.xlsx")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "-c", workbookCells, path).Output()
	if err != nil {
		t.Fatalf("openpyxl: %v", err)
	}
	var cells [][]any
	if err := json.Unmarshal(out, &cells); err != nil {
		t.Fatal(err)
	}
	byValue := map[string][]any{}
	var amounts, shares, dates int
	for _, c := range cells {
		value, kind, format := c[2].(string), c[3].(string), c[4].(string)
		byValue[value] = c
		switch {
		case c[5].(bool):
			dates++
			if lang == "en" && format != "d mmmm yyyy hh:mm" || lang == "ru" && format != "dd.mm.yyyy hh:mm" {
				t.Errorf("%s workbook: date %v has the format %q", lang, c, format)
			}
		case format == "#,##0.00" && (kind == "n" || kind == "f"):
			amounts++
		case format == "0.0%" && (kind == "n" || kind == "f"):
			shares++
		}
		if kind == "s" && strings.ContainsAny(value, "0123456789") && strings.Trim(value, "0123456789 ,.%\u00a0") == "" {
			t.Errorf("%s workbook: the figure %q at %s!%s is text", lang, value, c[0], c[1])
		}
	}
	if amounts < 6 || shares < 2 || dates != 1 {
		t.Errorf("%s workbook: %d amounts, %d shares, %d dates formatted as such", lang, amounts, shares, dates)
	}
	w := localeWant[lang]
	for _, v := range []string{w.present[0], w.present[1], w.present[2], w.present[3], w.present[4]} {
		if byValue[v] == nil {
			t.Errorf("%s workbook: no cell reads %q", lang, v)
		}
	}
	line := byValue[w.present[3]] // the line described in both languages: its implementer is beside it
	if line == nil {
		return
	}
	for _, c := range cells {
		if c[0] == line[0] && rowOf(c[1].(string)) == rowOf(line[1].(string)) && c[2] == "ENPUD" {
			return
		}
	}
	t.Errorf("%s workbook: no implementer on the line's row %v", lang, line)
}

func rowOf(coordinate string) string {
	return strings.TrimLeft(coordinate, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
}
