package annexes

import (
	"fmt"
	"math"
	"strconv"

	"github.com/xuri/excelize/v2"

	"iduit/export"
)

// Columns of a detailed-budget sheet. The years start at colFirstYear; the line total follows them.
const (
	colNo = iota + 1
	colModule
	colIntervention
	colActivity
	colGrouping
	colInput
	colImplementer
	colUnitCost
	colQuantity
	colFirstYear
)

// summaryLabelWidth is the width of the summary's first column, where module names wrap.
const summaryLabelWidth = 60

// summaryWidths are the summary's column widths: label, amount, share and the intervention flags.
var summaryWidths = []float64{summaryLabelWidth, 18, 14, 16, 16}

// firstDataRow is the first row under a sheet's title and header rows.
const firstDataRow = 3

// budgetRange is where a written detailed-budget sheet keeps its lines and totals, for the formulas of
// the sheets after it.
type budgetRange struct {
	sheet       string
	first, last int // data rows; last < first when the sheet has no lines
	totalRow    int
	years       int
}

func (r budgetRange) column(col int) string {
	c := colName(col)
	return fmt.Sprintf("%s$%s$%d:$%s$%d", sheetRef(r.sheet), c, r.first, c, r.last)
}

func (r budgetRange) totalCol() int { return colFirstYear + r.years }

// healthProducts is the GC7 template's "Detailed Budget – Health Products": cost groupings 4 to 7.
func (b *book) healthProducts(sw *excelize.StreamWriter) error {
	return b.detailedBudget(sw, b.w["sheet.hp"], b.w["title.hp"], true)
}

// nonHealthProducts is "Detailed Budget – Non-Health Products": every other cost grouping.
func (b *book) nonHealthProducts(sw *excelize.StreamWriter) error {
	return b.detailedBudget(sw, b.w["sheet.nhp"], b.w["title.nhp"], false)
}

// isHealthProduct says whether a line belongs on the Health Products sheet: cost groupings 4–7.
func (b *book) isHealthProduct(l *export.BudgetLine) bool {
	g, ok := b.cat.CostGrouping(l.CostGrouping)
	return ok && g.Number >= 4 && g.Number <= 7
}

func (b *book) detailedBudget(sw *excelize.StreamWriter, name, title string, health bool) error {
	bud, cur := b.in.budget, b.in.currency.Code
	years := len(bud.Years)
	cols := []string{b.w["no"], b.w["module"], b.w["intervention"], b.w["activity"], b.w["grouping"], b.w["input"],
		b.w["implementer"], fmt.Sprintf(b.w["unit-cost"], cur), b.w["quantity"]}
	ws := []float64{6, 24, 24, 34, 24, 14, 14, 12, 11}
	for _, y := range bud.Years {
		cols = append(cols, fmt.Sprintf(b.w["year-amount"], y, cur))
		ws = append(ws, 13)
	}
	cols = append(cols, fmt.Sprintf(b.w["total-amount"], cur))
	ws = append(ws, 14)
	if err := sw.SetColStyle(colInput, colImplementer, b.st.text); err != nil {
		return err
	}
	if err := b.header(sw, title, cols, ws, func(col int) bool { return col >= colUnitCost }); err != nil {
		return err
	}
	r := budgetRange{sheet: name, first: firstDataRow, last: firstDataRow - 1, years: years}
	yearTotals := make([]int64, years)
	var total int64
	// One set of cells serves every line: SetRow takes *Cell, so a line costs no boxing of its cells.
	cells, row, texts := make([]excelize.Cell, len(cols)), make([]any, len(cols)), make([]string, colImplementer)
	for i := range cells {
		row[i] = &cells[i]
	}
	// Cost input is not in the data: no cell, but the column's style, so what the CCM types there wraps
	// like the rest.
	row[colInput-1] = nil
	first, last := colName(colFirstYear), colName(colFirstYear+years-1)
	modules, interventions, groupings := newLineCounts(ws[colModule-1]), newLineCounts(ws[colIntervention-1]), newLineCounts(ws[colGrouping-1])
	for i := range bud.Lines {
		l := &bud.Lines[i]
		if b.isHealthProduct(l) != health {
			continue
		}
		r.last++
		var lineTotal int64
		for y := range years {
			var a int64
			if y < len(l.Amounts) {
				a = l.Amounts[y]
			}
			lineTotal += a
			yearTotals[y] += a
			cells[colFirstYear-1+y] = cell(b.st.money, b.money(a))
		}
		total += lineTotal
		texts[colModule-1], texts[colIntervention-1] = b.moduleName(l.Module), b.interventionName(l.Intervention)
		texts[colActivity-1], texts[colGrouping-1] = b.text(l.Description), b.groupingName(l.CostGrouping)
		texts[colImplementer-1] = l.Implementer
		cells[colNo-1] = cell(b.st.idx, i+1)
		cells[colModule-1] = cell(b.st.text, texts[colModule-1])
		cells[colIntervention-1] = cell(b.st.text, texts[colIntervention-1])
		cells[colActivity-1] = cell(b.st.text, texts[colActivity-1])
		cells[colGrouping-1] = cell(b.st.text, texts[colGrouping-1])
		cells[colImplementer-1] = cell(b.st.text, texts[colImplementer-1])
		cells[colUnitCost-1] = cell(b.st.money, b.optionalMoney(l.UnitCost))
		cells[colQuantity-1] = cell(b.st.count, optional(l.Quantity))
		cells[r.totalCol()-1] = formula(b.st.money, "SUM("+first+strconv.Itoa(r.last)+":"+last+strconv.Itoa(r.last)+")", b.money(lineTotal))
		lines := max(1, modules.of(texts[colModule-1]), interventions.of(texts[colIntervention-1]), groupings.of(texts[colGrouping-1]),
			textLines(texts[colActivity-1], ws[colActivity-1]))
		if err := sw.SetRow(cellName(1, r.last), row, excelize.RowOpts{Height: linesHeight(lines)}); err != nil {
			return err
		}
	}
	r.totalRow = r.last + 1
	totals := make([]any, len(cols))
	totals[colModule-1] = cell(b.st.bold, b.w["total"])
	for c := colNo; c < colFirstYear; c++ {
		if totals[c-1] == nil {
			totals[c-1] = cell(b.st.bold, nil)
		}
	}
	for y := 0; y <= years; y++ {
		amount := total
		if y < years {
			amount = yearTotals[y]
		}
		totals[colFirstYear-1+y] = b.sum(r, colFirstYear+y, amount)
	}
	b.budgetSheets = append(b.budgetSheets, r)
	return sw.SetRow(cellName(1, r.totalRow), totals)
}

// sum is a column's total: a SUM over the sheet's lines, or a plain zero when it has none (a SUM over
// no rows would have to name the total's own row).
func (b *book) sum(r budgetRange, col int, amount int64) excelize.Cell {
	if r.last < r.first {
		return cell(b.st.moneyTotal, b.money(0))
	}
	c := colName(col)
	return formula(b.st.moneyTotal, fmt.Sprintf("SUM(%s%d:%s%d)", c, r.first, c, r.last), b.money(amount))
}

// summary adds the budget up by module, cost grouping and year with formulas over the detailed
// sheets, so a person who changes a line in Excel sees the summary follow.
func (b *book) summary(sw *excelize.StreamWriter) error {
	cur := b.in.currency.Code
	if err := widths(sw, summaryWidths...); err != nil {
		return err
	}
	if err := freeze(sw, 1); err != nil {
		return err
	}
	if err := b.repeatRows(1); err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{cell(b.st.title, b.w["sheet.summary"])}, excelize.RowOpts{Height: 20}); err != nil {
		return err
	}
	byModule, byIntervention, byGrouping, byYear, total := b.totals()
	amount := fmt.Sprintf(b.w["amount"], cur)
	row := 2
	var err error
	if row, err = b.block(sw, row, b.w["by-module"], amount, byModule, colModule, total, false); err != nil {
		return err
	}
	interventions := row + 2 // the first intervention's row, under the block's header
	if row, err = b.block(sw, row+1, b.w["by-intervention"], amount, byIntervention, colIntervention, total, true); err != nil {
		return err
	}
	if row, err = b.shares(sw, row+1, amount, byIntervention, interventions, total); err != nil {
		return err
	}
	if row, err = b.block(sw, row+1, b.w["by-grouping"], amount, byGrouping, colGrouping, total, false); err != nil {
		return err
	}
	if err := sw.SetRow(cellName(1, row+1), []any{cell(b.st.header, b.w["by-year"]), cell(b.st.headerNumber, amount)}, excelize.RowOpts{Height: 32}); err != nil {
		return err
	}
	row += 2
	start := row
	for y, year := range b.in.budget.Years {
		var refs string
		for i, r := range b.budgetSheets {
			if i > 0 {
				refs += ","
			}
			refs += sheetRef(r.sheet) + cellName(colFirstYear+y, r.totalRow)
		}
		if err := sw.SetRow(cellName(1, row), []any{cell(b.st.yearLabel, year), formula(b.st.money, "SUM("+refs+")", b.money(byYear[y]))}); err != nil {
			return err
		}
		row++
	}
	return sw.SetRow(cellName(1, row), []any{cell(b.st.bold, b.w["total"]),
		formula(b.st.moneyTotal, fmt.Sprintf("SUM(B%d:B%d)", start, row-1), b.money(total))})
}

// labelled is one row of a summary block: the label as the detailed sheets print it, and its amount;
// an intervention also says whether the catalogue counts it as community-led or human-rights work.
type labelled struct {
	label                     string
	amount                    int64
	communityLed, humanRights bool
}

// mark is what a flag column holds for a flagged intervention, and what the shares' SUMIFs look for.
const mark = "✓"

func marked(flag bool) any {
	if flag {
		return mark
	}
	return nil
}

// shares adds up the interventions flagged community-led and human-rights (columns D and E of the
// intervention block starting at first), the shares the PDF's summary also shows.
func (b *book) shares(sw *excelize.StreamWriter, row int, amount string, rows []labelled, first int, total int64) (int, error) {
	if err := sw.SetRow(cellName(1, row), []any{cell(b.st.header, b.w["shares"]), cell(b.st.headerNumber, amount), cell(b.st.headerNumber, b.w["share"])},
		excelize.RowOpts{Height: 32}); err != nil {
		return 0, err
	}
	last := first + len(rows) - 1
	totalCell := fmt.Sprintf("$B$%d", last+1)
	for i, flag := range []struct {
		label, col string
		of         func(labelled) bool
	}{
		{b.w["community"], "D", func(l labelled) bool { return l.communityLed }},
		{b.w["rights"], "E", func(l labelled) bool { return l.humanRights }},
	} {
		var sum int64
		for _, l := range rows {
			if flag.of(l) {
				sum += l.amount
			}
		}
		r := row + 1 + i
		f := fmt.Sprintf(`SUMIF(%s%d:%s%d,"%s",B%d:B%d)`, flag.col, first, flag.col, last, mark, first, last)
		if len(rows) == 0 {
			f = ""
		}
		if err := sw.SetRow(cellName(1, r), []any{cell(b.st.text, flag.label), formula(b.st.money, f, b.money(sum)),
			formula(b.st.percent, fmt.Sprintf("IF(%s=0,0,B%d/%s)", totalCell, r, totalCell), ratio(sum, total))}); err != nil {
			return 0, err
		}
	}
	return row + 3, nil
}

// block writes one summary table whose amounts are SUMIFs of the detailed sheets' column col by the
// row's label, with shares of the total; it returns the row after the block's total.
func (b *book) block(sw *excelize.StreamWriter, row int, title, amount string, rows []labelled, col int, total int64, flags bool) (int, error) {
	head := []any{cell(b.st.header, title), cell(b.st.headerNumber, amount), cell(b.st.headerNumber, b.w["share"])}
	if flags {
		head = append(head, cell(b.st.header, b.w["community-led"]), cell(b.st.header, b.w["human-rights"]))
	}
	labels := make([]string, len(head))
	for i, h := range head {
		labels[i], _ = h.(excelize.Cell).Value.(string)
	}
	if err := sw.SetRow(cellName(1, row), head, excelize.RowOpts{Height: rowHeight(labels, boldWidths(summaryWidths)) + 4}); err != nil {
		return 0, err
	}
	row++
	start, end := row, row+len(rows)
	totalCell := fmt.Sprintf("$B$%d", end)
	for _, l := range rows {
		var f string
		for _, r := range b.budgetSheets {
			if r.last < r.first {
				continue
			}
			if f != "" {
				f += "+"
			}
			f += fmt.Sprintf("SUMIF(%s,$A%d,%s)", r.column(col), row, r.column(r.totalCol()))
		}
		values := []any{cell(b.st.text, l.label), formula(b.st.money, f, b.money(l.amount)),
			formula(b.st.percent, fmt.Sprintf("IF(%s=0,0,B%d/%s)", totalCell, row, totalCell), ratio(l.amount, total))}
		if flags {
			values = append(values, cell(b.st.mark, marked(l.communityLed)), cell(b.st.mark, marked(l.humanRights)))
		}
		if err := sw.SetRow(cellName(1, row), values, excelize.RowOpts{Height: rowHeight([]string{l.label}, []float64{summaryLabelWidth})}); err != nil {
			return 0, err
		}
		row++
	}
	sum := cell(b.st.moneyTotal, b.money(0))
	if len(rows) > 0 {
		sum = formula(b.st.moneyTotal, fmt.Sprintf("SUM(B%d:B%d)", start, end-1), b.money(total))
	}
	err := sw.SetRow(cellName(1, row), []any{cell(b.st.bold, b.w["total"]), sum,
		formula(b.st.percentTotal, fmt.Sprintf("IF(%s=0,0,1)", totalCell), ratio(total, total))})
	return row + 1, err
}

// totals adds the budget up in catalogue order, as the detailed sheets label it. It does not validate:
// a stored budget was validated when saved, and the workbook shows whatever was saved.
func (b *book) totals() (byModule, byIntervention, byGrouping []labelled, byYear []int64, total int64) {
	bud := b.in.budget
	modules, interventions, groupings := map[string]int64{}, map[string]int64{}, map[string]int64{}
	byYear = make([]int64, len(bud.Years))
	for i := range bud.Lines {
		l := &bud.Lines[i]
		var line int64
		for y, a := range l.Amounts {
			if y < len(byYear) {
				byYear[y] += a
				line += a
			}
		}
		modules[l.Module] += line
		interventions[l.Intervention] += line
		groupings[l.CostGrouping] += line
		total += line
	}
	for _, m := range b.cat.Modules {
		if a, ok := modules[m.Key]; ok {
			byModule = append(byModule, labelled{label: b.moduleName(m.Key), amount: a})
		}
		for _, iv := range m.Interventions {
			if a, ok := interventions[iv.Key]; ok {
				byIntervention = append(byIntervention, labelled{label: iv.Name.In(b.lang), amount: a,
					communityLed: iv.CommunityLed, humanRights: iv.HumanRights})
			}
		}
	}
	for _, g := range b.cat.CostGroupings {
		if a, ok := groupings[g.Key]; ok {
			byGrouping = append(byGrouping, labelled{label: b.groupingName(g.Key), amount: a})
		}
	}
	return byModule, byIntervention, byGrouping, byYear, total
}

// money turns minor units into the decimal number a spreadsheet holds: the nearest double to the exact
// decimal, which the cell's format shows to the cent.
func (b *book) money(minor int64) float64 {
	return float64(minor) / math.Pow10(b.in.currency.Digits)
}

func (b *book) optionalMoney(minor *int64) any {
	if minor == nil {
		return nil
	}
	return b.money(*minor)
}

func optional(v *int64) any {
	if v == nil {
		return nil
	}
	return *v
}

func ratio(part, whole int64) float64 {
	if whole == 0 {
		return 0
	}
	return float64(part) / float64(whole)
}

func (b *book) moduleName(key string) string {
	if m, ok := b.cat.Module(key); ok {
		return m.Name.In(b.lang)
	}
	return key
}

func (b *book) interventionName(key string) string {
	if iv, _, ok := b.cat.Intervention(key); ok {
		return iv.Name.In(b.lang)
	}
	return key
}

// groupingName is "4. Health products – pharmaceuticals", made once per grouping.
func (b *book) groupingName(key string) string {
	if name, ok := b.groupings[key]; ok {
		return name
	}
	name := key
	if g, ok := b.cat.CostGrouping(key); ok {
		name = strconv.Itoa(g.Number) + ". " + g.Name.In(b.lang)
	}
	if b.groupings == nil {
		b.groupings = map[string]string{}
	}
	b.groupings[key] = name
	return name
}
