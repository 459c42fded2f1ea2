package annexes

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"iduit/document"
	"iduit/domain"
)

// Part kinds of the funding request's records.
const (
	kindInterventions = "interventions"
	kindPriorities    = "priorities"
)

func hasPAAR(in *input) bool {
	if in.interventions == nil {
		return false
	}
	for _, r := range in.interventions.Records {
		if r.FundingStatus == "paar" {
			return true
		}
	}
	return false
}

func hasPriorities(in *input) bool { return in.priorities != nil && len(in.priorities.Priorities) > 0 }

// text is a record's or budget line's text in the workbook's language, or the other language where only
// that was written: in a bilingual proposal under the "translation missing" mark the PDF and the Word
// file print; a one-language proposal's text is the only one it has, and is shown as it is.
func (b *book) text(raw json.RawMessage) string {
	p := b.in.doc.Proposal
	v := domain.ReadText(raw, p.Language)
	if !p.Bilingual {
		return v.Side(p.Language)
	}
	other := "ru"
	if b.lang == "ru" {
		other = "en"
	}
	return document.InLanguage(v.Side(b.lang), v.Side(other), b.lang)
}

// paar lists the prioritized above-allocation request: the intervention records marked paar, each with
// its amount, and the total as a formula.
func (b *book) paar(sw *excelize.StreamWriter) error {
	cols := []string{b.w["no"], b.w["module"], b.w["intervention"], b.w["key-activities"], b.w["rationale"],
		fmt.Sprintf(b.w["amount"], b.in.currency.Code)}
	ws := []float64{6, 28, 32, 44, 44, 18}
	if err := b.header(sw, b.w["sheet.paar"], cols, ws, func(col int) bool { return col == 1 || col == 6 }); err != nil {
		return err
	}
	row, n, total := firstDataRow, 0, int64(0)
	for _, r := range b.in.interventions.Records {
		if r.FundingStatus != "paar" {
			continue
		}
		n++
		module, intervention := b.moduleName(r.Module), b.interventionName(r.Intervention)
		activities, rationale := b.text(r.KeyActivities), b.text(r.Rationale)
		cells := []any{cell(b.st.text, n), cell(b.st.text, module), cell(b.st.text, intervention),
			cell(b.st.text, activities), cell(b.st.text, rationale), cell(b.st.money, b.money(r.PAARAmount))}
		if err := sw.SetRow(cellName(1, row), cells, excelize.RowOpts{Height: rowHeight([]string{"", module, intervention, activities, rationale}, ws)}); err != nil {
			return err
		}
		total += r.PAARAmount
		row++
	}
	return sw.SetRow(cellName(1, row), []any{nil, cell(b.st.bold, b.w["total"]), nil, nil, nil,
		formula(b.st.moneyTotal, fmt.Sprintf("SUM(F%d:F%d)", firstDataRow, row-1), b.money(total))})
}

// priorities lists the community priorities with what the CCM did with each: in the allocation, in the
// PAAR, or left out and why, and the intervention records they map to.
func (b *book) priorities(sw *excelize.StreamWriter) error {
	cols := []string{b.w["no"], b.w["priority"], b.w["populations"], b.w["funding"], b.w["reason"], b.w["interventions"]}
	ws := []float64{6, 40, 30, 22, 36, 40}
	if err := b.header(sw, b.w["sheet.priorities"], cols, ws, func(col int) bool { return col == 1 }); err != nil {
		return err
	}
	names := map[string]string{}
	if b.in.interventions != nil {
		for _, r := range b.in.interventions.Records {
			names[r.ID] = b.interventionName(r.Intervention)
		}
	}
	for i, p := range b.in.priorities.Priorities {
		var linked []string
		for _, id := range p.Interventions {
			if name, ok := names[id]; ok {
				linked = append(linked, name)
			}
		}
		title, populations, reason := b.text(p.Title), b.text(p.Populations), b.text(p.Reason)
		status := domain.FundingStatusName(p.Status, b.lang)
		cells := []any{cell(b.st.text, i+1), cell(b.st.text, title), cell(b.st.text, populations), cell(b.st.text, status),
			cell(b.st.text, reason), cell(b.st.text, strings.Join(linked, "; "))}
		height := rowHeight([]string{"", title, populations, status, reason, strings.Join(linked, "; ")}, ws)
		if err := sw.SetRow(cellName(1, firstDataRow+i), cells, excelize.RowOpts{Height: height}); err != nil {
			return err
		}
	}
	return nil
}
