package annexes

import (
	"fmt"
	"slices"
	"time"

	"github.com/xuri/excelize/v2"

	"iduit/budget"
	"iduit/domain"
	"iduit/export"
)

// typeOrder is the order of the Global Fund performance framework: impact, outcome, then coverage
// indicators (workplan tracking measures, once the data has them, come after).
var typeOrder = map[budget.IndicatorType]int{budget.TypeImpact: 0, budget.TypeOutcome: 1, budget.TypeCoverage: 2}

// framework lists the indicators with their baselines and a target column per grant year.
func (b *book) framework(sw *excelize.StreamWriter) error {
	years := b.targetYears()
	cols := []string{b.w["type"], b.w["code"], b.w["indicator"], b.w["baseline"], b.w["baseline-year"], b.w["baseline-source"]}
	ws := []float64{13, 10, 50, 13, 12, 36}
	for _, y := range years {
		cols = append(cols, fmt.Sprintf(b.w["target"], y))
		ws = append(ws, 14)
	}
	if err := b.header(sw, b.w["sheet.framework"], cols, ws, func(col int) bool { return col == 4 || col > 6 }); err != nil {
		return err
	}
	entries := slices.Clone(b.in.framework.Indicators)
	slices.SortStableFunc(entries, func(x, y export.Indicator) int { return b.typeRank(x.Code) - b.typeRank(y.Code) })
	row := make([]any, len(cols))
	for i, e := range entries {
		ind, known := b.cat.Indicator(e.Code)
		kind, typ, name := budget.KindCount, "", e.Code
		if known {
			kind, typ, name = ind.Kind, b.w[string(ind.Type)], ind.Name.In(b.lang)
		}
		clear(row)
		row[0], row[1], row[2] = cell(b.st.text, typ), cell(b.st.text, e.Code), cell(b.st.text, name)
		row[3] = b.measure(kind, e.Baseline.Value)
		row[4] = cell(b.st.year, yearOrNil(e.Baseline.Year))
		row[5] = cell(b.st.text, e.Baseline.Source)
		for _, t := range e.Targets {
			if at := slices.Index(years, t.Year); at >= 0 {
				row[6+at] = b.measure(kind, t.Value)
			}
		}
		if err := sw.SetRow(cellName(1, firstDataRow+i), row, excelize.RowOpts{Height: rowHeight([]string{typ, e.Code, name, "", "", e.Baseline.Source}, ws)}); err != nil {
			return err
		}
	}
	return nil
}

// targetYears are the budget's grant years, or the years the targets name when there is no budget.
func (b *book) targetYears() []int {
	if b.in.budget != nil && len(b.in.budget.Years) > 0 {
		return b.in.budget.Years
	}
	var years []int
	for _, e := range b.in.framework.Indicators {
		for _, t := range e.Targets {
			if !slices.Contains(years, t.Year) {
				years = append(years, t.Year)
			}
		}
	}
	slices.Sort(years)
	return years
}

func (b *book) typeRank(code string) int {
	if ind, ok := b.cat.Indicator(code); ok {
		return typeOrder[ind.Type]
	}
	return len(typeOrder)
}

// measure is a value in its unit: a percentage (stored in tenths of a percent) as a fraction shown
// with a percent format, a count as a whole number.
func (b *book) measure(kind budget.IndicatorKind, v *int64) excelize.Cell {
	switch {
	case v == nil:
		return cell(b.st.count, nil)
	case kind == budget.KindPercentage:
		return cell(b.st.percent, float64(*v)/1000)
	}
	return cell(b.st.count, *v)
}

func yearOrNil(y int) any {
	if y == 0 {
		return nil
	}
	return y
}

// gaps is the programmatic gap table, with the remaining gap and the coverage as formulas. Units differ
// from row to row (people, syringes), so the table has no grand total.
func (b *book) gaps(sw *excelize.StreamWriter) error {
	cols := []string{b.w["code"], b.w["indicator"], b.w["year"], b.w["need"], b.w["others"], b.w["request"], b.w["remaining"], b.w["coverage-share"]}
	ws := []float64{10, 50, 8, 14, 16, 14, 14, 16}
	if err := b.header(sw, b.w["sheet.gaps"], cols, ws, func(col int) bool { return col > 3 }); err != nil {
		return err
	}
	for i, g := range b.in.framework.Gaps {
		r := firstDataRow + i
		name := g.Indicator
		if ind, ok := b.cat.Indicator(g.Indicator); ok {
			name = ind.Name.In(b.lang)
		}
		remaining := g.Need - g.CoveredByOthers - g.ThisRequest
		err := sw.SetRow(cellName(1, r), []any{
			cell(b.st.text, g.Indicator), cell(b.st.text, name), cell(b.st.year, g.Year),
			cell(b.st.count, g.Need), cell(b.st.count, g.CoveredByOthers), cell(b.st.count, g.ThisRequest),
			formula(b.st.count, fmt.Sprintf("D%d-E%d-F%d", r, r, r), remaining),
			formula(b.st.percent, fmt.Sprintf("IF(D%d=0,0,(E%d+F%d)/D%d)", r, r, r, r), ratio(g.CoveredByOthers+g.ThisRequest, g.Need)),
		}, excelize.RowOpts{Height: rowHeight([]string{g.Indicator, name}, ws)})
		if err != nil {
			return err
		}
	}
	return nil
}

// landscape is the funding landscape by grant year. The Global Fund column comes from the budget (a
// formula over the detailed sheets); domestic and other external funding are not in the proposal's
// data, so their cells are left empty and formatted for the CCM to fill in, and the totals include them.
func (b *book) landscape(sw *excelize.StreamWriter) error {
	cur := b.in.currency.Code
	cols := []string{b.w["year"], fmt.Sprintf(b.w["domestic"], cur), fmt.Sprintf(b.w["external"], cur), fmt.Sprintf(b.w["gf"], cur),
		fmt.Sprintf(b.w["total-amount"], cur)}
	ws := []float64{30, 20, 20, 20, 18}
	if err := b.header(sw, b.w["sheet.landscape"], cols, ws, func(col int) bool { return col > 1 }); err != nil {
		return err
	}
	_, _, _, byYear, total := b.totals()
	row := firstDataRow
	for y, year := range b.in.budget.Years {
		var refs string
		for i, r := range b.budgetSheets {
			if i > 0 {
				refs += ","
			}
			refs += sheetRef(r.sheet) + cellName(colFirstYear+y, r.totalRow)
		}
		err := sw.SetRow(cellName(1, row), []any{cell(b.st.yearLabel, year), cell(b.st.money, nil), cell(b.st.money, nil),
			formula(b.st.money, "SUM("+refs+")", b.money(byYear[y])),
			formula(b.st.money, fmt.Sprintf("SUM(B%d:D%d)", row, row), b.money(byYear[y]))})
		if err != nil {
			return err
		}
		row++
	}
	totals := []any{cell(b.st.bold, b.w["total"])}
	for _, c := range []string{"B", "C", "D", "E"} {
		cached := b.money(total)
		if c == "B" || c == "C" {
			cached = 0
		}
		totals = append(totals, formula(b.st.moneyTotal, fmt.Sprintf("SUM(%s%d:%s%d)", c, firstDataRow, c, row-1), cached))
	}
	if err := sw.SetRow(cellName(1, row), totals); err != nil {
		return err
	}
	ceiling := b.in.budget.AllocationCeiling
	if ceiling <= 0 {
		return nil
	}
	if err := sw.SetRow(cellName(1, row+2), []any{cell(b.st.label, b.w["ceiling"]), nil, nil, cell(b.st.money, b.money(ceiling))}); err != nil {
		return err
	}
	return sw.SetRow(cellName(1, row+3), []any{cell(b.st.label, b.w["above"]), nil, nil,
		formula(b.st.money, fmt.Sprintf("MAX(0,D%d-D%d)", row, row+2), b.money(max(0, total-ceiling)))})
}

// about names the proposal the workbook belongs to, so a sheet forwarded on its own is still traceable.
func (b *book) about(sw *excelize.StreamWriter) error {
	p := b.in.doc.Proposal
	if err := widths(sw, 32, 70); err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{cell(b.st.title, b.w["doc"])}, excelize.RowOpts{Height: 20}); err != nil {
		return err
	}
	shown := b.proposalTexts()
	rows := [][2]any{
		{b.w["proposal"], shown.Title}, {b.w["country"], shown.Country}, {b.w["network"], shown.Network},
		{b.w["template"], fmt.Sprintf("%s v%d", p.Template, p.TemplateVersion)}, {b.w["id"], p.ID}, {b.w["status"], domain.StatusName(p.Status, b.lang)},
		{b.w["changed"] + " (UTC)", p.UpdatedAt.UTC()}, {b.w["language"], b.lang},
	}
	if bud := b.in.budget; bud != nil {
		rows = append(rows, [2]any{b.w["currency"], bud.Currency})
		if len(bud.Years) > 0 {
			rows = append(rows, [2]any{b.w["years"], fmt.Sprintf("%d–%d", bud.Years[0], bud.Years[len(bud.Years)-1])})
		}
	}
	for i, r := range rows {
		value := cell(b.st.text, r[1])
		if _, isTime := r[1].(time.Time); isTime {
			value = cell(b.st.date, r[1])
		}
		if err := sw.SetRow(cellName(1, 2+i), []any{cell(b.st.label, r[0]), value}); err != nil {
			return err
		}
	}
	return sw.SetRow(cellName(1, 3+len(rows)), []any{nil, cell(b.st.text, b.w["note"])}, excelize.RowOpts{Height: 45})
}
