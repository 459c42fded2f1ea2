package api

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"iduit/budget"
	"iduit/export"
	"iduit/submission"
	"iduit/templates"
)

var recalculateOnce sync.Once

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

func sampleFramework() map[string]any {
	return map[string]any{
		"indicators": []map[string]any{{"code": "KP-1d",
			"baseline": map[string]any{"value": 412, "numerator": 4120, "denominator": 10000, "year": 2025, "source": "IBBS 2025"},
			"targets":  []map[string]any{{"year": 2027, "value": 500, "numerator": 5000, "denominator": 10000}}}},
		"gaps": []map[string]any{{"indicator": "KP-1d", "year": 2027, "need": 25000, "covered_by_others": 5000, "this_request": 12000}},
	}
}

func TestAnnexesXLSX(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		owner, base := tm.people["owner"].token, "/api/v1/proposals/"+tm.id
		a.do(t, call{method: "PUT", path: base + "/budget", token: owner, body: sampleBudget(), header: map[string]string{"If-Match": `"0"`}}).want(200)
		a.do(t, call{method: "PUT", path: base + "/indicators", token: owner, body: sampleFramework(), header: map[string]string{"If-Match": `"0"`}}).want(200)
		path := base + "/annexes.xlsx"

		r := a.do(t, call{method: "GET", path: path, token: tm.people["viewer"].token}).want(200)
		if ct := r.Header().Get("Content-Type"); ct != xlsxType || !bytes.HasPrefix(r.Body.Bytes(), []byte("PK")) {
			t.Fatalf("Content-Type %q", ct)
		}
		if cd := r.Header().Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") || !strings.HasSuffix(cd, ".xlsx") {
			t.Fatalf("Content-Disposition %q", cd)
		}
		etag := r.Header().Get("ETag")
		a.do(t, call{method: "GET", path: path, token: owner, header: map[string]string{"If-None-Match": etag}}).want(304)
		if en := a.do(t, call{method: "GET", path: path + "?lang=en", token: owner, header: map[string]string{"If-None-Match": etag}}).want(200); en.Header().Get("ETag") == etag {
			t.Fatal("the English workbook has the Russian one's ETag")
		}
		a.do(t, call{method: "GET", path: path + "?lang=de", token: owner}).want(400)
		a.do(t, call{method: "GET", path: path, token: tm.people["stranger"].token}).want(404)
		a.do(t, call{method: "GET", path: path}).want(401)

		summary := a.do(t, call{method: "GET", path: base + "/budget/summary?lang=ru", token: owner}).want(200).json()
		// LibreOffice takes seconds; the workbook is the same on either database, so it runs once.
		recalculateOnce.Do(func() { checkRecalculated(t, r.Body.Bytes(), summary) })

		a.do(t, call{method: "PUT", path: base + "/budget", token: owner, body: sampleBudget(), header: map[string]string{"If-Match": `"1"`}}).want(200)
		if next := a.do(t, call{method: "GET", path: path, token: owner, header: map[string]string{"If-None-Match": etag}}).want(200); next.Header().Get("ETag") == etag {
			t.Fatal("a budget save did not change the workbook's ETag")
		}
	})
}

// checkRecalculated has LibreOffice, which no one here wrote, compute the workbook's formulas and
// compares its totals with the API's summary to the cent. openpyxl first saves a copy without the
// stored values (it keeps formulas only), so every total in the CSV is LibreOffice's own arithmetic.
func checkRecalculated(t *testing.T, workbook []byte, summary map[string]any) {
	t.Helper()
	py, soffice := pythonWithOpenpyxl(t), tool(t, "soffice")
	dir := t.TempDir()
	if d := os.Getenv("KEEP_LO_DIR"); d != "" {
		dir = d
	}
	original, stripped := filepath.Join(dir, "original.xlsx"), filepath.Join(dir, "annexes.xlsx")
	if err := os.WriteFile(original, workbook, 0o600); err != nil {
		t.Fatal(err)
	}
	strip := "import openpyxl, sys\nwb = openpyxl.load_workbook(sys.argv[1])\nwb.save(sys.argv[2])\n"
	if out, err := exec.Command(py, "-c", strip, original, stripped).CombinedOutput(); err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	out, err := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "lo"),
		"--convert-to", `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1`, "--outdir", dir, stripped).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	sheet := func(name string) [][]string {
		f, err := os.Open(filepath.Join(dir, "annexes-"+name+".csv"))
		if err != nil {
			entries, _ := os.ReadDir(dir)
			t.Fatalf("%v; soffice wrote %v\n%s", err, entries, out)
		}
		defer f.Close()
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	cents := func(s string) int64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%q is not a number", s)
		}
		return int64(math.Round(v * 100))
	}
	amounts := map[string]int64{}
	for _, row := range sheet("Сводка бюджета") {
		if len(row) > 1 && row[1] != "" && row[0] != "" {
			if _, err := strconv.ParseFloat(row[1], 64); err == nil {
				amounts[row[0]] += cents(row[1])
			}
		}
	}
	total := int64(summary["total"].(float64))
	want := map[string]int64{"Итого": 4 * total, // four blocks: by module, intervention, cost grouping and year
		"Мероприятия под руководством сообществ": int64(summary["community_led"].(map[string]any)["amount"].(float64)),
		"Мероприятия в области прав человека":    int64(summary["human_rights"].(map[string]any)["amount"].(float64)),
	}
	for _, key := range []string{"by_module", "by_intervention", "by_cost_grouping"} {
		for _, m := range summary[key].([]any) {
			row := m.(map[string]any)
			name := row["name"].(string)
			if n, ok := row["number"]; ok {
				name = strconv.Itoa(int(n.(float64))) + ". " + name
			}
			want[name] += int64(row["amount"].(float64))
		}
	}
	for _, y := range summary["by_year"].([]any) {
		row := y.(map[string]any)
		want[strconv.Itoa(int(row["year"].(float64)))] += int64(row["amount"].(float64))
	}
	for name, amount := range want {
		if amounts[name] != amount {
			t.Errorf("LibreOffice's %q is %d cents, the API says %d (all: %v)", name, amounts[name], amount, amounts)
		}
	}
	var lines int64
	for _, name := range []string{"Бюджет – медицинские товары", "Бюджет – прочие статьи"} {
		rows := sheet(name)
		last := rows[len(rows)-1]
		lines += cents(last[len(last)-1])
	}
	if lines != total {
		t.Errorf("the detailed sheets add up to %d cents in LibreOffice, the API says %d", lines, total)
	}
	for _, row := range sheet("Финансовый ландшафт") {
		if row[0] == "Итого" && cents(row[4]) != total {
			t.Errorf("the funding landscape's total row %v, the API says %d", row, total)
		}
	}
}

func pythonWithOpenpyxl(t *testing.T) string {
	t.Helper()
	// Debian's python3-openpyxl lives in the system Python, which a version manager's python3 may hide.
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

func tool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI needs %s; .ci/run installs it", name)
		}
		t.Skipf("%s is not installed", name)
	}
	return path
}

func TestSubmissionPackage(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		body := map[string]any{"template": testTemplate, "title": "Снижение вреда", "language": "ru", "country": "Kyrgyzstan", "bilingual": true}
		id := a.do(t, call{method: "POST", path: "/api/v1/proposals", token: owner.token, body: body}).want(201).str("id")
		base := "/api/v1/proposals/" + id
		a.do(t, call{method: "PUT", path: base + "/budget", token: owner.token, body: sampleBudget(), header: map[string]string{"If-Match": `"0"`}}).want(200)

		r := a.do(t, call{method: "GET", path: base + "/package.zip", token: owner.token}).want(200)
		if ct := r.Header().Get("Content-Type"); ct != "application/zip" {
			t.Fatalf("Content-Type %q", ct)
		}
		zr, err := zip.NewReader(bytes.NewReader(r.Body.Bytes()), int64(r.Body.Len()))
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		var names []string
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			files[f.Name], _ = io.ReadAll(rc)
			rc.Close()
			names = append(names, f.Name)
		}
		wantNames := "manifest.json concept-note-en.pdf concept-note-ru.pdf concept-note-en.docx concept-note-ru.docx annexes-" // then the submission language
		if got := strings.Join(names, " "); !strings.HasPrefix(got, wantNames) || !strings.HasSuffix(got, ".xlsx") {
			t.Fatalf("package holds %s", got)
		}
		var m struct {
			Proposal struct {
				ID      string `json:"id"`
				Version string `json:"version"`
			} `json:"proposal"`
			GeneratedAt string `json:"generated_at"`
			Files       []struct {
				Name   string `json:"name"`
				Size   int    `json:"size"`
				SHA256 string `json:"sha256"`
			} `json:"files"`
		}
		if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
			t.Fatal(err)
		}
		if m.Proposal.ID != id || m.Proposal.Version == "" || m.GeneratedAt == "" || len(m.Files) != len(names)-1 {
			t.Fatalf("manifest %s", files["manifest.json"])
		}
		for _, f := range m.Files {
			sum := sha256.Sum256(files[f.Name])
			if len(files[f.Name]) != f.Size || hex.EncodeToString(sum[:]) != f.SHA256 {
				t.Errorf("%s: the manifest's size or SHA-256 is not the file's", f.Name)
			}
		}
		if !bytes.HasPrefix(files["concept-note-en.pdf"], []byte("%PDF")) {
			t.Error("the English PDF is not a PDF")
		}
		checkOfflineRenderMatches(t, a.do(t, call{method: "GET", path: base + "/export", token: owner.token}).want(200).Body.Bytes(), r.Body.Bytes())
		etag := r.Header().Get("ETag")
		a.do(t, call{method: "GET", path: base + "/package.zip", token: owner.token, header: map[string]string{"If-None-Match": etag}}).want(304)
		a.do(t, call{method: "GET", path: base + "/package.zip", token: a.signUp(t, "Stranger").token}).want(404)
	})
}

// checkOfflineRenderMatches builds the package from the proposal's export file, as `iduit render` does,
// and wants the server's bytes: the same proposal gives the same package wherever it is made.
func checkOfflineRenderMatches(t *testing.T, exported, served []byte) {
	t.Helper()
	var doc export.Document
	if err := json.Unmarshal(exported, &doc); err != nil {
		t.Fatal(err)
	}
	tpls, err := templates.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tpl, _ := tpls.Get(doc.Proposal.Template, doc.Proposal.TemplateVersion)
	cat, err := budget.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var offline bytes.Buffer
	if err := submission.Write(&offline, doc, submission.Contents(doc, tpl, cat), nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(offline.Bytes(), served) {
		t.Fatalf("the package made from the export (%d bytes) differs from the server's (%d bytes)", offline.Len(), len(served))
	}
}
