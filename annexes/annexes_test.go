package annexes

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"iduit/budget"
	"iduit/export"
)

// sample is a proposal export with lines budget lines over three years and rows framework rows
// (indicators and gap rows, cycling through the catalogue's codes).
func sample(t testing.TB, lines, rows int) export.Document {
	t.Helper()
	cat := catalogue(t)
	years := []int{2027, 2028, 2029}
	bud := export.BudgetBody{Currency: "KGS", Years: years, AllocationCeiling: 1_000_000_00}
	var pairs [][2]string
	for _, m := range cat.Modules {
		for _, iv := range m.Interventions {
			pairs = append(pairs, [2]string{m.Key, iv.Key})
		}
	}
	for i := range lines {
		p, g := pairs[i%len(pairs)], cat.CostGroupings[i%len(cat.CostGroupings)]
		unit, qty := int64(1_000+i), int64(3*(1+i%7))
		per := unit * qty / 3
		bud.Lines = append(bud.Lines, export.BudgetLine{Module: p[0], Intervention: p[1], CostGrouping: g.Key,
			Description: fmt.Sprintf("Аутрич-работник, участок %d", i+1), Amounts: []int64{per, per + 1, unit*qty - 2*per - 1},
			UnitCost: &unit, Quantity: &qty})
	}
	var fw export.FrameworkBody
	for i := range rows {
		ind := cat.Indicators[i%len(cat.Indicators)]
		v := int64(400 + i)
		b := export.Indicator{Code: ind.Code, Baseline: export.Baseline{Value: &v, Year: 2025, Source: "IBBS 2025"}}
		for _, y := range years {
			tv := v + int64(y-2026)*10
			b.Targets = append(b.Targets, export.Target{Year: y, Value: &tv})
		}
		if i%2 == 0 {
			fw.Indicators = append(fw.Indicators, b)
		} else {
			fw.Gaps = append(fw.Gaps, export.GapRow{Indicator: ind.Code, Year: years[i%3], Need: 10_000, CoveredByOthers: 2_500, ThisRequest: 4_000 + int64(i)})
		}
	}
	when := time.Date(2027, 3, 1, 12, 30, 0, 0, time.UTC)
	return export.Document{Format: export.Format, Version: export.Version,
		Proposal: export.Proposal{ID: "p1", Template: "gf-concept-note-pwid", TemplateVersion: 1, Title: "Снижение вреда в Оше",
			Language: "ru", SubmissionLanguage: "ru", Country: "Кыргызстан", Network: "ENPUD", Status: "draft", CreatedAt: when, UpdatedAt: when},
		Documents: []export.Part{{Kind: "budget", Version: 1, Body: mustJSON(t, bud)}, {Kind: "indicators", Version: 1, Body: mustJSON(t, fw)}},
	}
}

func mustJSON(t testing.TB, v any) json.RawMessage {
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func catalogue(t testing.TB) *budget.Catalogue {
	cat, err := budget.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func TestTheSameExportGivesTheSameBytes(t *testing.T) {
	doc := sample(t, 40, 10)
	var a, b bytes.Buffer
	if err := Write(&a, doc, catalogue(t), "ru"); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, doc, catalogue(t), "ru"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two workbooks of one export differ")
	}
	if err := Write(&b, doc, catalogue(t), "de"); err == nil {
		t.Fatal("a workbook in German was written")
	}
}

// python finds a Python that has openpyxl: Debian's python3-openpyxl is in the system Python, which a
// version manager's python3 on PATH may not see.
func python(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", "import openpyxl").Run() == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("CI needs python3-openpyxl; .ci/run installs it")
	}
	t.Skip("python3-openpyxl is not installed")
	return ""
}

// TestOpenpyxlReadsTheWorkbook has openpyxl, which no one here wrote, read the sheets back: names,
// headers, numbers as numbers, totals as SUM formulas with their values stored, the date as a date.
func TestOpenpyxlReadsTheWorkbook(t *testing.T) {
	py := python(t)
	dir := t.TempDir()
	for _, lang := range []string{"en", "ru"} {
		var buf bytes.Buffer
		if err := Write(&buf, sample(t, 30, 8), catalogue(t), lang); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, lang+".xlsx")
		if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(py, filepath.Join("testdata", "read.py"), path).CombinedOutput()
		if err != nil {
			t.Fatalf("read.py %s: %v\n%s", lang, err, out)
		}
		var got map[string]any
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("read.py printed %s", out)
		}
		checkRead(t, lang, got)
	}
}

func checkRead(t *testing.T, lang string, got map[string]any) {
	t.Helper()
	w := words[lang]
	want := []string{w["sheet.about"], w["sheet.hp"], w["sheet.nhp"], w["sheet.summary"], w["sheet.framework"], w["sheet.gaps"], w["sheet.landscape"]}
	if fmt.Sprint(got["sheets"]) != fmt.Sprint(want) {
		t.Errorf("%s: sheets %v, want %v", lang, got["sheets"], want)
	}
	header := fmt.Sprint(got["nhp_header"])
	for _, col := range []string{w["module"], w["intervention"], w["activity"], w["grouping"], w["input"], w["implementer"], "KGS"} {
		if !strings.Contains(header, col) {
			t.Errorf("%s: the budget header %s lacks %q", lang, header, col)
		}
	}
	for _, key := range []string{"nhp_total_formula", "hp_line_formula", "summary_formula", "landscape_formula"} {
		if f, _ := got[key].(string); !strings.HasPrefix(f, "=SUM") {
			t.Errorf("%s: %s is %q, not a SUM", lang, key, got[key])
		}
	}
	if got["types_numeric"] != true || got["date_is_date"] != true || got["frozen"] != "A3" || got["protected"] != false {
		t.Errorf("%s: %v", lang, got)
	}
	if got["cached_total"] != got["expected_total"] {
		t.Errorf("%s: stored totals %v, lines add up to %v", lang, got["cached_total"], got["expected_total"])
	}
	if got["title"] != "Снижение вреда в Оше" || got["language"] != lang {
		t.Errorf("%s: properties %v %v", lang, got["title"], got["language"])
	}
}
