package conceptnote

import (
	"encoding/json"
	"testing"

	"iduit/budget"
	"iduit/export"
)

// TestBudgetChartsMatchTheirTables holds every bar of the PDF's budget charts to the row of the table
// printed under it, and the PAAR and allocation to the settings and intervention records.
func TestBudgetChartsMatchTheirTables(t *testing.T) {
	cat, err := budget.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	target := 30
	parts := []export.Part{
		{Kind: "settings", Body: mustJSON(t, export.SettingsBody{Currency: "USD", AllocationAmount: 150_000_00, TargetSharePercent: &target})},
		{Kind: "interventions", Body: mustJSON(t, export.InterventionsBody{Records: []export.InterventionRecord{
			{ID: "a", FundingStatus: "paar", PAARAmount: 12_500_50}, {ID: "b", FundingStatus: "allocation", PAARAmount: 99}}})},
		{Kind: "budget", Body: json.RawMessage(`{"currency":"USD","years":[2027],"lines":[` +
			`{"module":"pwid-prevention","intervention":"needle-syringe-programs","cost_grouping":"human-resources","description":"a","amounts":[100000012]},` +
			`{"module":"human-rights-barriers","intervention":"legal-services","cost_grouping":"human-resources","description":"b","amounts":[16000000]}]}`)},
	}
	sections := budgetSections(parts, decodeParts(parts), cat, "en", export.Proposal{Language: "en"})
	if len(sections) != 1 {
		t.Fatalf("%d sections", len(sections))
	}
	charts := 0
	for _, f := range sections[0].Fields {
		if f.Chart == nil {
			continue
		}
		charts++
		for i, bar := range f.Chart.Bars {
			row := f.Table.Rows[i+len(f.Table.Rows)-len(f.Chart.Bars)-totalRow(f.Table.Rows)]
			if row[0] != bar.Label || row[1] != bar.Amount || len(row) > 2 && row[2] != bar.Percent {
				t.Errorf("%s: bar %q %q %q, table row %q", f.Label, bar.Label, bar.Amount, bar.Percent, row)
			}
		}
	}
	if charts != 4 {
		t.Errorf("%d charts, want by module, by cost grouping, funding and shares", charts)
	}
	funding := sections[0].Fields[3].Chart
	if funding.Bars[1].Amount != "12,500.50\u00a0USD" || funding.Target != 150_000_00 || funding.TargetLabel != "Allocation: 150,000.00\u00a0USD" {
		t.Errorf("funding chart %+v", funding)
	}
	if shares := sections[0].Fields[5].Chart; shares.Target != 300 || shares.TargetLabel != "Target: 30%" || shares.Max != 1000 {
		t.Errorf("shares chart %+v", shares)
	}
}

// totalRow is 1 when the table ends in a total the chart does not draw.
func totalRow(rows [][]string) int {
	if len(rows) > 0 && rows[len(rows)-1][0] == "Total" {
		return 1
	}
	return 0
}
