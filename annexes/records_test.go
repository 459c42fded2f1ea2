package annexes

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/xuri/excelize/v2"

	"iduit/export"
)

// TestPAARAndPrioritiesSheets: the records marked paar are the PAAR sheet, with their amounts as numbers
// and the total as a SUM formula holding its value; the community priorities sheet says what the CCM did
// with each, in the workbook's language, and names the interventions they map to.
func TestPAARAndPrioritiesSheets(t *testing.T) {
	doc := sampleExport(t, 6, 2)
	var b export.BudgetBody
	if err := json.Unmarshal(doc.Documents[0].Body, &b); err != nil {
		t.Fatal(err)
	}
	first, second := b.Lines[0], b.Lines[1]
	body := func(v any) json.RawMessage {
		out, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	doc.Documents = append(doc.Documents,
		export.Part{Kind: kindInterventions, Version: 1, Body: body(export.InterventionsBody{Records: []export.InterventionRecord{
			{ID: "r1", Module: first.Module, Intervention: first.Intervention, FundingStatus: "allocation"},
			{ID: "r2", Module: second.Module, Intervention: second.Intervention, FundingStatus: "paar", PAARAmount: 12_500_50,
				KeyActivities: json.RawMessage(`"Mobile outreach"`)},
			{ID: "r3", Module: second.Module, Intervention: second.Intervention, FundingStatus: "paar", PAARAmount: 7_499_50},
		}})},
		export.Part{Kind: kindPriorities, Version: 1, Body: body(export.PrioritiesBody{Priorities: []export.Priority{
			{ID: "p1", Title: json.RawMessage(`"Naloxone in every kit"`), Status: "paar", Interventions: []string{"r2"}},
			{ID: "p2", Title: json.RawMessage(`"Night shelter"`), Status: "not_included", Reason: json.RawMessage(`"No money left"`)},
		}})})
	var buf bytes.Buffer
	if err := Write(&buf, doc, catalogue(t), "en"); err != nil {
		t.Fatal(err)
	}
	if p := os.Getenv("IDUIT_KEEP_XLSX"); p != "" {
		_ = os.WriteFile(p, buf.Bytes(), 0o600)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("PAAR")
	if err != nil {
		t.Fatalf("no PAAR sheet: %v (sheets %v)", err, f.GetSheetList())
	}
	if len(rows) != 5 || rows[2][3] != "Mobile outreach" { // title, header, two records, total
		t.Fatalf("PAAR rows %q", rows)
	}
	if got, _ := f.GetCellFormula("PAAR", "F5"); got != "SUM(F3:F4)" {
		t.Errorf("PAAR total formula %q", got)
	}
	if v, _ := f.GetCellValue("PAAR", "F5", excelize.Options{RawCellValue: true}); v != "20000" {
		t.Errorf("PAAR total stored as %q, want 20000", v)
	}
	if typ, _ := f.GetCellType("PAAR", "F3"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Error("a PAAR amount is text, not a number")
	}
	prio, err := f.GetRows("Community priorities")
	if err != nil || len(prio) != 4 {
		t.Fatalf("priorities sheet %q %v", prio, err)
	}
	if prio[2][1] != "Naloxone in every kit" || prio[2][3] != "Above the allocation (PAAR)" || prio[2][5] == "" ||
		prio[3][3] != "Not included" || prio[3][4] != "No money left" {
		t.Errorf("priorities %q", prio)
	}
}
