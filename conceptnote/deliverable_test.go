package conceptnote

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"iduit/budget"
	"iduit/document"
	"iduit/export"
	"iduit/internal/sample"
	"iduit/pdf"
	"iduit/templates"
)

// fullExport is a bilingual proposal as a network would hand it over: every text answered in Russian
// with its English translation, numbers, a date, a choice, and every structured part of the funding
// request (budget, framework, settings, interventions, priorities, CCM process) with attachments.
func fullExport(t testing.TB) (export.Document, *templates.Template, *budget.Catalogue) {
	t.Helper()
	cat, err := budget.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tpls, err := templates.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tpl, ok := tpls.Get("gf-concept-note-pwid", 1)
	if !ok {
		t.Fatal("no gf-concept-note-pwid v1")
	}
	doc := sample.Export(cat, sample.Size{Lines: 12, Indicators: 4, Gaps: 3, Template: tpl, Words: 40, Bilingual: true})
	doc.Proposal.Title, doc.Proposal.Country, doc.Proposal.Network = "Снижение вреда под руководством сообществ в Оше", "Кыргызстан", "ЕСЛУН"
	doc.Proposal.TitleTranslation, doc.Proposal.CountryTranslation, doc.Proposal.NetworkTranslation = "Community-led harm reduction in Osh", "Kyrgyzstan", "ENPUD"
	for i := range doc.Sections {
		switch doc.Sections[i].Key {
		case "epidemiology":
			doc.Sections[i].Fields["pwid-size-estimate"] = json.RawMessage(`5400000`)
		}
	}
	bi := func(en, ru string) json.RawMessage { return mustJSON(t, map[string]string{"en": en, "ru": ru}) }
	body := func(kind string, v any) export.Part { return export.Part{Kind: kind, Version: 1, Body: mustJSON(t, v)} }
	var budgetBody export.BudgetBody
	_ = json.Unmarshal(doc.Documents[0].Body, &budgetBody)
	for i := range budgetBody.Lines {
		budgetBody.Lines[i].Description = bi("Outreach worker, site "+strconv.Itoa(i+1), "Аутрич-работник, участок "+strconv.Itoa(i+1))
	}
	doc.Documents[0].Body = mustJSON(t, budgetBody)
	first := budgetBody.Lines[0]
	doc.Documents = append(doc.Documents,
		body("settings", export.SettingsBody{CCMName: "Country Coordinating Mechanism of Kyrgyzstan", CCMAbbreviation: "CCM KG",
			PrincipalRecipients: []string{"UNDP"}, Currency: "KGS", AllocationAmount: 5_400_000_00}),
		body("interventions", export.InterventionsBody{Records: []export.InterventionRecord{
			{ID: "r1", Module: first.Module, Intervention: first.Intervention, FundingStatus: "allocation", Implementers: []string{"ENPUD"},
				KeyActivities: bi("Outreach in Osh and Jalal-Abad", "Аутрич в Оше и Жалал-Абаде")},
			{ID: "r2", Module: first.Module, Intervention: budgetBody.Lines[1].Intervention, FundingStatus: "paar", PAARAmount: 24_500_00, Implementers: []string{}},
		}}),
		body("priorities", export.PrioritiesBody{Priorities: []export.Priority{
			{ID: "p1", Title: bi("Naloxone in every outreach kit", "Налоксон в каждом наборе аутрича"), Status: "allocation", Interventions: []string{"r1"}},
		}}),
		body("ccm_process", export.CCMProcessBody{
			Consultations: []export.Consultation{{Date: "2026-09-10", Place: "Osh", ParticipantsTotal: 48,
				Participants: []export.ParticipantGroup{{Group: "people_who_use_drugs", Count: 30}}, Outcome: bi("Priorities agreed", "Приоритеты согласованы")}},
			Endorsement: export.Endorsement{MeetingDate: "2026-10-02", MinutesReference: "No. 7",
				Signatories: []export.Signatory{{Role: "chair", Name: "A. Chair", Constituency: "government"},
					{Role: "civil_society_representative", Name: "B. Member", Constituency: "civil_society"}}},
		}),
	)
	doc.Attachments = []export.Attachment{{Title: "Minutes of the consultation in Osh", Filename: "minutes.pdf"}}
	return doc, tpl, cat
}

func mustJSON(t testing.TB, v any) json.RawMessage {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// pdfText renders a concept note and returns what pdftotext, which no one here wrote, reads from it.
func pdfText(t *testing.T, d document.Document) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI needs poppler-utils")
		}
		t.Skip("pdftotext is not installed")
	}
	var buf bytes.Buffer
	if err := pdf.Render(&buf, d); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "note.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

var cyrillic = regexp.MustCompile(`\p{Cyrillic}+`)

// The English PDF of a proposal whose Russian answers have English translations shows no Russian.
func TestEnglishPDFOfATranslatedProposalHasNoRussian(t *testing.T) {
	doc, tpl, cat := fullExport(t)
	text := pdfText(t, Build(doc, tpl, cat, "en"))
	if words := cyrillic.FindAllString(text, 10); len(words) > 0 {
		t.Errorf("the English PDF prints Russian: %v", words)
	}
	if strings.Contains(text, "Translation missing") {
		t.Error("a translated proposal has a missing translation mark")
	}
}

// An answer given only in Russian is printed, marked, in the English PDF rather than "Not answered".
func TestMissingTranslationIsShownMarked(t *testing.T) {
	doc, tpl, cat := fullExport(t)
	for i := range doc.Sections {
		if doc.Sections[i].Key == "epidemiology" {
			doc.Sections[i].Fields["hiv-hcv-epidemiology"] = mustJSON(t, map[string]string{"ru": "Только по-русски: данные 2025 года."})
		}
	}
	note := Build(doc, tpl, cat, "en")
	var f *document.Field
	for i := range note.Sections {
		for j := range note.Sections[i].Fields {
			if note.Sections[i].Fields[j].Key == "hiv-hcv-epidemiology" {
				f = &note.Sections[i].Fields[j]
			}
		}
	}
	if f == nil || f.Empty || f.Text != "Только по-русски: данные 2025 года." || f.Note != words["en"]["missing"] {
		t.Fatalf("field %+v", f)
	}
	text := pdfText(t, note)
	if !strings.Contains(text, "Translation missing") || !strings.Contains(text, "Только по-русски") {
		t.Error("the PDF does not show the Russian answer under its mark")
	}
}

// Numbers, shares and dates are written as the reader of each language writes them, in every table.
func TestNumbersAndDatesInTheDocumentsLocale(t *testing.T) {
	doc, tpl, cat := fullExport(t)
	for lang, want := range map[string][]string{
		"en": {"5,400,000", "10 September 2026", "%"},
		"ru": {"5 400 000", "10.09.2026", " %"},
	} {
		text := pdfText(t, Build(doc, tpl, cat, lang))
		flat := strings.ReplaceAll(text, "\u00a0", " ")
		for _, w := range want {
			if !strings.Contains(flat, w) {
				t.Errorf("%s: %q is not in the PDF", lang, w)
			}
		}
		for _, raw := range []string{"5400000", "2026-09-10", "2026-10-02"} {
			if strings.Contains(text, raw) {
				t.Errorf("%s: the raw %q is in the PDF", lang, raw)
			}
		}
	}
}

func TestLocaleFormatting(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{formatNumber("5400000", "ru"), "5\u00a0400\u00a0000"},
		{formatNumber("5400000", "en"), "5,400,000"},
		{formatNumber("12.5", "ru"), "12,5"},
		{formatNumber("n/a", "en"), "n/a"},
		{formatPercent(480, "ru"), "48,0\u00a0%"},
		{formatPercent(480, "en"), "48.0%"},
		{formatDate("2026-09-10", "ru"), "10.09.2026"},
		{formatDate("2026-09-10", "en"), "10 September 2026"},
		{formatDate("soon", "en"), "soon"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// The blank worksheet ends with the attendance-and-consent sheet, on a page of its own, that a CCM
// takes as evidence for its first eligibility requirement.
func TestWorksheetEndsWithTheAttendanceSheet(t *testing.T) {
	_, tpl, _ := fullExport(t)
	ru := Worksheet(tpl, "ru")
	last := ru.Sections[len(ru.Sections)-1]
	if !last.NewPage || len(last.Fields) != 1 || last.Fields[0].Table == nil || last.Fields[0].Lines < 10 {
		t.Fatalf("last section %+v", last)
	}
	if !strings.Contains(last.Fields[0].Guidance, "требования правомочности СКМ № 1") {
		t.Errorf("the sheet does not name the eligibility requirement: %q", last.Fields[0].Guidance)
	}
	var buf bytes.Buffer
	if err := pdf.RenderWorksheet(&buf, ru); err != nil {
		t.Fatal(err)
	}
}

// TestOneAllocationEverywhere: the settings name the allocation and an older budget carries a ceiling of
// its own; the request table and the budget's funding chart both print the settings' amount, as the
// service's totals do, and never the stale ceiling.
func TestOneAllocationEverywhere(t *testing.T) {
	doc, tpl, cat := fullExport(t)
	text := pdfText(t, Build(doc, tpl, cat, "en"))
	if n := strings.Count(text, "5,400,000.00 KGS"); n < 3 {
		t.Errorf("the settings' allocation appears %d times, want the request table, the funding table and the chart's line", n)
	}
	if strings.Contains(text, "1,000,000.00 KGS") {
		t.Error("the budget's stale ceiling is printed as the allocation")
	}
}
