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

	"github.com/xuri/excelize/v2"

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

// TestSheetsFollowTheData leaves out the sheets whose data the proposal does not have, and takes the
// target years from the framework when there is no budget.
func TestSheetsFollowTheData(t *testing.T) {
	full := sampleExport(t, 4, 4)
	frameworkOnly := full
	frameworkOnly.Documents = full.Documents[1:]
	nothing := full
	nothing.Documents = nil
	w := words["en"]
	tests := []struct {
		name string
		doc  export.Document
		want []string
	}{
		{"nothing", nothing, []string{w["sheet.about"]}},
		{"framework only", frameworkOnly, []string{w["sheet.about"], w["sheet.framework"], w["sheet.gaps"]}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, tt.doc, catalogue(t), "en"); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if got := f.GetSheetList(); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Fatalf("sheets %v, want %v", got, tt.want)
			}
			if tt.name == "framework only" {
				header, _ := f.GetRows(w["sheet.framework"])
				if last := header[1][len(header[1])-1]; last != "Target 2029" {
					t.Fatalf("the framework's last column is %q", last)
				}
			}
		})
	}
}

// TestMoneyInEveryMinorUnit writes amounts as decimal numbers in the currency's own minor unit.
func TestMoneyInEveryMinorUnit(t *testing.T) {
	for _, tt := range []struct {
		currency string
		minor    int64
		want     float64
	}{{"KGS", 1_234_56, 1234.56}, {"XOF", 1_234, 1234}, {"TND", 1_234_567, 1234.567}} {
		b := &book{in: &input{currency: currencyOf(tt.currency)}}
		if got := b.money(tt.minor); got != tt.want {
			t.Errorf("%d minor units of %s = %v, want %v", tt.minor, tt.currency, got, tt.want)
		}
	}
}
