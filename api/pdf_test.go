package api

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// pdfText extracts a PDF's text with poppler's pdftotext, as a reader's tools would.
func pdfText(t *testing.T, data []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI needs pdftotext (poppler-utils); .ci/run installs it")
		}
		t.Skip("pdftotext is not installed")
	}
	cmd := exec.Command("pdftotext", "-layout", "-", "-")
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestConceptNotePDF(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		owner := tm.people["owner"].token
		a.saveText(t, tm, "epidemiology", "data-gaps", "Нет данных о гепатите С среди ЛУИН в Оше.", 0)
		a.do(t, call{method: "PUT", path: "/api/v1/proposals/" + tm.id + "/budget", token: owner, body: sampleBudget(), header: map[string]string{"If-Match": `"0"`}}).want(200)
		path := "/api/v1/proposals/" + tm.id + "/pdf"

		r := a.do(t, call{method: "GET", path: path, token: tm.people["viewer"].token}).want(200)
		if ct := r.Header().Get("Content-Type"); ct != "application/pdf" || !bytes.HasPrefix(r.Body.Bytes(), []byte("%PDF")) {
			t.Fatalf("Content-Type %q", ct)
		}
		if cd := r.Header().Get("Content-Disposition"); !strings.Contains(cd, "filename*=UTF-8''%D0%A1%D0%BD%D0%B8%D0%B6") {
			t.Fatalf("Content-Disposition %q does not carry the Cyrillic title", cd)
		}
		text := pdfText(t, r.Body.Bytes())
		for _, want := range []string{"Нет данных о гепатите С среди ЛУИН в Оше.", "Сводка бюджета", "84\u00a0000,00\u00a0USD", "28,6"} {
			if !strings.Contains(text, strings.Join(strings.Fields(want), " ")) {
				t.Errorf("the PDF text lacks %q", want)
			}
		}

		etag := r.Header().Get("ETag")
		a.do(t, call{method: "GET", path: path, token: owner, header: map[string]string{"If-None-Match": etag}}).want(304)
		a.saveText(t, tm, "epidemiology", "data-gaps", "Новый текст.", 1)
		if next := a.do(t, call{method: "GET", path: path, token: owner, header: map[string]string{"If-None-Match": etag}}).want(200); next.Header().Get("ETag") == etag {
			t.Fatal("a save did not change the PDF's ETag")
		}
		a.do(t, call{method: "GET", path: path + "?lang=en", token: owner}).want(400) // written in Russian only
		a.do(t, call{method: "GET", path: path, token: tm.people["stranger"].token}).want(404)
	})
}

func TestWorksheetPDF(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		r := a.do(t, call{method: "GET", path: "/api/v1/templates/" + testTemplate + "/worksheet.pdf?lang=ru"}).want(200)
		text := pdfText(t, r.Body.Bytes())
		if !strings.Contains(text, "Оценочная численность ЛУИН") {
			t.Fatalf("the worksheet lacks a Russian question; text starts %q", text[:min(len(text), 300)])
		}
		a.do(t, call{method: "GET", path: "/api/v1/templates/" + testTemplate + "/worksheet.pdf", header: map[string]string{"If-None-Match": r.Header().Get("ETag")}}).want(200) // en is another document
		a.do(t, call{method: "GET", path: "/api/v1/templates/" + testTemplate + "/worksheet.pdf?lang=ru", header: map[string]string{"If-None-Match": r.Header().Get("ETag")}}).want(304)
		a.do(t, call{method: "GET", path: "/api/v1/templates/nope/worksheet.pdf"}).want(404)
	})
}

// A proposal from the default funding request budgets against the GC7 modules and renders: its PDF
// carries the template's own section titles, the component HIV alone, and the GC7 module labelled as
// this tool's summary, never as the Global Fund's wording.
func TestFundingRequestPDF(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Writer")
		body := map[string]string{"title": "Снижение вреда в Оше", "language": "ru", "country": "Kyrgyzstan"}
		id := a.do(t, call{method: "POST", path: "/api/v1/proposals", token: owner.token, body: body}).want(201).str("id")
		a.do(t, call{method: "PUT", path: sectionPath(id, "context-barriers"), token: owner.token, header: map[string]string{"If-Match": `"0"`},
			body: map[string]any{"fields": map[string]any{"pwid-epidemiology": "В Оше около 3000 ЛУИН."}}}).want(200)
		budgetBody := map[string]any{"currency": "USD", "years": []int{2027}, "lines": []map[string]any{
			{"module": "gc7-pwid-prevention", "intervention": "gc7-pwid-overdose", "cost_grouping": "health-products-pharmaceuticals",
				"description": "Налоксон", "amounts": []int64{5_000_00}},
		}}
		a.do(t, call{method: "PUT", path: "/api/v1/proposals/" + id + "/budget", token: owner.token, body: budgetBody, header: map[string]string{"If-Match": `"0"`}}).want(200)
		framework := map[string]any{"indicators": []map[string]any{{"code": "NLX-1",
			"baseline": map[string]any{"value": 300, "year": 2025, "source": "программа"},
			"targets":  []map[string]any{{"year": 2027, "value": 900}}}}, "gaps": []map[string]any{}}
		a.do(t, call{method: "PUT", path: "/api/v1/proposals/" + id + "/indicators", token: owner.token, body: framework, header: map[string]string{"If-Match": `"0"`}}).want(200)
		text := pdfText(t, a.do(t, call{method: "GET", path: "/api/v1/proposals/" + id + "/pdf", token: owner.token}).want(200).Body.Bytes())
		for _, want := range []string{"В Оше около 3000 ЛУИН.", "Контекст: ЛУИН, барьеры и неравенство", "Компонент ВИЧ", "(краткое изложение этого инструмента)",
			"NLX-1 (краткое изложение этого инструмента)"} {
			if !strings.Contains(text, want) {
				t.Errorf("the PDF text lacks %q", want)
			}
		}
		if strings.Contains(text, "гепатит С Статус") || strings.Contains(text, "ВИЧ, гепатит С") {
			t.Error("the cover still names hepatitis C as a component")
		}
	})
}
