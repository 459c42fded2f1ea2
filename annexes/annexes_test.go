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

	"iduit/budget"
	"iduit/export"
	"iduit/internal/sample"
)

// sampleExport is a proposal export with budget lines and framework rows.
func sampleExport(t testing.TB, lines, rows int) export.Document {
	t.Helper()
	return sample.Export(catalogue(t), sample.Size{Lines: lines, Indicators: rows / 2, Gaps: rows - rows/2})
}

func catalogue(t testing.TB) *budget.Catalogue {
	cat, err := budget.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func TestTheSameExportGivesTheSameBytes(t *testing.T) {
	doc := sampleExport(t, 40, 10)
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
		if err := Write(&buf, sampleExport(t, 30, 8), catalogue(t), lang); err != nil {
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
	if got["title"] != "Снижение вреда под руководством сообществ в Оше" || got["language"] != lang {
		t.Errorf("%s: properties %v %v", lang, got["title"], got["language"])
	}
}
