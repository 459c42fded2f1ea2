package conceptnote

import (
	"slices"
	"strconv"
	"strings"

	"iduit/budget"
	"iduit/document"
	"iduit/domain"
	"iduit/export"
)

var tableWords = map[string]map[string]string{
	"en": {"budget": "Budget summary", "framework": "Performance framework and programmatic gaps", "by-module": "By module",
		"by-grouping": "By cost grouping", "by-year": "By year", "module": "Module", "grouping": "Cost grouping", "year": "Year",
		"amount": "Amount", "share": "Share", "total": "Total", "community": "Community-led interventions", "rights": "Human-rights interventions",
		"indicators": "Indicators", "code": "Indicator", "baseline": "Baseline", "targets": "Targets", "gaps": "Programmatic gap table",
		"need": "Need", "others": "Covered by others", "request": "This request", "remaining": "Remaining gap", "shares": "Community-led and human-rights shares",
		"funding": "Allocation and the above-allocation request (PAAR)", "within": "Budget within the allocation", "paar": "Above the allocation (PAAR)",
		"allocation": "Allocation: %s", "alloc": "Allocation", "target": "Target: %s",
		"by-intervention": "By intervention", "intervention": "Intervention", "lines": "Budget lines", "description": "Description",
		"unit-cost": "Unit cost", "quantity": "Quantity", "source": "Source", "implementer": "Implementer"},
	"ru": {"budget": "Сводка бюджета", "framework": "Рамка результатов деятельности и программные пробелы",
		"by-module": "По модулям", "by-grouping": "По группам затрат", "by-year": "По годам", "module": "Модуль", "grouping": "Группа затрат",
		"year": "Год", "amount": "Сумма", "share": "Доля", "total": "Итого", "community": "Мероприятия под руководством сообществ",
		"rights": "Мероприятия в области прав человека", "indicators": "Индикаторы", "code": "Индикатор", "baseline": "Исходное значение",
		"targets": "Целевые значения", "gaps": "Таблица программных пробелов", "need": "Потребность", "others": "Покрыто другими",
		"request": "Эта заявка", "remaining": "Оставшийся пробел", "shares": "Доли мероприятий сообществ и в области прав человека",
		"funding": "Аллокация и запрос сверх аллокации (PAAR)", "within": "Бюджет в пределах аллокации", "paar": "Сверх аллокации (PAAR)",
		"allocation": "Аллокация: %s", "alloc": "Аллокация", "target": "Цель: %s",
		"by-intervention": "По мероприятиям", "intervention": "Мероприятие", "lines": "Строки бюджета", "description": "Описание",
		"unit-cost": "Цена единицы", "quantity": "Количество", "source": "Источник", "implementer": "Исполнитель"},
}

// budgetSections adds the core tables when the proposal has them: the budget summary, and the performance
// framework with the gap table. A budget line's description is printed in the document's language, or
// marked in the other one where its translation is missing (bilingual proposals; a one-language
// proposal's description is the only one it has).
func budgetSections(list []export.Part, decoded parts, cat *budget.Catalogue, lang string, p export.Proposal) []document.Section {
	var out []document.Section
	req := requestOf(decoded)
	for _, part := range list {
		switch part.Kind {
		case "budget":
			if decoded.budget == nil {
				continue
			}
			if sum, err := decoded.summary(cat); err == nil {
				out = append(out, budgetSection(*decoded.budget, sum, req, cat, lang, p))
			}
		case "indicators":
			var f export.FrameworkBody // an unreadable framework prints as an empty one, as before
			if decoded.all.Framework != nil {
				f = *decoded.all.Framework
			}
			out = append(out, frameworkSection(f, cat, lang))
		}
	}
	return out
}

func budgetSection(sb export.BudgetBody, sum budget.Summary, req request, cat *budget.Catalogue, lang string, p export.Proposal) document.Section {
	w := tableWords[lang]
	money := func(v int64) string { return formatMoney(v, sb.Currency, lang) }
	pct := func(t budget.Tenths) string { return formatPercent(t, lang) }
	byModule := &document.Table{Columns: []string{w["module"], w["amount"], w["share"]}}
	for _, m := range sum.ByModule {
		byModule.Rows = append(byModule.Rows, []string{m.Name.In(lang), money(m.Amount), pct(m.Percent)})
	}
	byModule.Rows = append(byModule.Rows, []string{w["total"], money(sum.Total), pct(1000)})
	byIntervention := &document.Table{Columns: []string{w["intervention"], w["amount"], w["share"]}}
	for _, iv := range sum.ByIntervention {
		byIntervention.Rows = append(byIntervention.Rows, []string{iv.Name.In(lang), money(iv.Amount), pct(iv.Percent)})
	}
	byGrouping := &document.Table{Columns: []string{w["grouping"], w["amount"], w["share"]}}
	for _, g := range sum.ByCostGrouping {
		byGrouping.Rows = append(byGrouping.Rows, []string{strconv.Itoa(g.Number) + ". " + g.Name.In(lang), money(g.Amount), pct(g.Percent)})
	}
	byYear := &document.Table{Columns: []string{w["year"], w["amount"]}}
	for _, y := range sum.ByYear {
		byYear.Rows = append(byYear.Rows, []string{strconv.Itoa(y.Year), money(y.Amount)})
	}
	shares := &document.Table{Columns: []string{"", w["amount"], w["share"]}, Rows: [][]string{
		{w["community"], money(sum.CommunityLed.Amount), pct(sum.CommunityLed.Percent)},
		{w["rights"], money(sum.HumanRights.Amount), pct(sum.HumanRights.Percent)},
	}}
	c := budgetCharts{lang: lang, money: money, sum: sum, req: req, words: w}
	return document.Section{Title: w["budget"], Fields: []document.Field{
		{Label: w["by-module"], Table: byModule, Chart: c.byModule()}, {Label: w["by-intervention"], Table: byIntervention},
		{Label: w["by-grouping"], Table: byGrouping, Chart: c.byGrouping()},
		{Label: w["funding"], Table: c.fundingTable(), Chart: c.funding()},
		{Label: w["by-year"], Table: byYear}, {Label: w["shares"], Table: shares, Chart: c.shares()},
		{Label: w["lines"], Table: budgetLines(sb, cat, lang, p)},
	}}
}

// forSummary is the budget as the summaries read it (which side of a description is which does not
// matter to them: the summary only checks that a line has one).
func forSummary(sb export.BudgetBody) budget.Budget {
	b := budget.Budget{Currency: sb.Currency, Years: sb.Years, Lines: make([]budget.Line, len(sb.Lines))}
	for i, l := range sb.Lines {
		b.Lines[i] = budget.Line{Module: l.Module, Intervention: l.Intervention, CostGrouping: l.CostGrouping, Amounts: l.Amounts,
			Description: domain.ReadText(l.Description, "en"), Implementer: l.Implementer, UnitCost: l.UnitCost, Quantity: l.Quantity}
	}
	return b
}

// budgetLines is the budget as submitted, line by line: where each line sits in the modular framework,
// what it buys and who carries it out, its unit cost and quantity when given, and its amount over the grant.
func budgetLines(sb export.BudgetBody, cat *budget.Catalogue, lang string, p export.Proposal) *document.Table {
	w := tableWords[lang]
	// Unit cost and quantity share a column ("6.00 × 10,000"): a seventh column left the Russian table's
	// longest words wider than the page, and the renderer cut them.
	t := &document.Table{Columns: []string{w["intervention"], w["grouping"], w["description"], w["implementer"], w["unit-cost"] + " × " + strings.ToLower(w["quantity"]), w["total"]}}
	for _, l := range sb.Lines {
		name := l.Intervention
		if iv, _, ok := cat.Intervention(l.Intervention); ok {
			name = budget.Label(iv.Name, iv.Confidence, lang)
		}
		grouping := l.CostGrouping
		if g, ok := cat.CostGrouping(l.CostGrouping); ok {
			grouping = strconv.Itoa(g.Number) + ". " + g.Name.In(lang)
		}
		var unit, qty string
		if l.UnitCost != nil {
			unit = currencyOf(sb.Currency).Readable(*l.UnitCost, lang)
		}
		if l.Quantity != nil {
			qty = formatInt(*l.Quantity, lang)
		}
		perUnit := unit + " × " + qty
		switch {
		case unit == "" && qty == "":
			perUnit = ""
		case unit == "":
			perUnit = qty
		case qty == "":
			perUnit = unit
		}
		var total int64
		for _, a := range l.Amounts {
			total += a
		}
		description := domain.ReadText(l.Description, p.Language).Side(p.Language)
		if p.Bilingual {
			description = cellText(l.Description, p.Language, lang)
		}
		t.Rows = append(t.Rows, []string{name, grouping, description, l.Implementer, perUnit, formatMoney(total, sb.Currency, lang)})
	}
	return t
}

func currencyOf(code string) budget.Currency {
	if c, ok := budget.LookupCurrency(code); ok {
		return c
	}
	return budget.Currency{Code: code, Digits: 2}
}

func frameworkSection(f export.FrameworkBody, cat *budget.Catalogue, lang string) document.Section {
	w := tableWords[lang]
	ind := &document.Table{Columns: []string{w["code"], w["baseline"], w["source"]}}
	var years []int
	for _, in := range f.Indicators {
		for _, t := range in.Targets {
			if !slices.Contains(years, t.Year) {
				years = append(years, t.Year)
			}
		}
	}
	slices.Sort(years)
	for _, y := range years {
		ind.Columns = append(ind.Columns, strconv.Itoa(y))
	}
	for _, in := range f.Indicators {
		baseline := value(cat, in.Code, in.Baseline.Value, lang)
		if in.Baseline.Year != 0 {
			baseline += " (" + strconv.Itoa(in.Baseline.Year) + ")"
		}
		row := []string{indicatorName(cat, in.Code, lang), baseline, in.Baseline.Source}
		for _, y := range years {
			cell := ""
			for _, t := range in.Targets {
				if t.Year == y {
					cell = value(cat, in.Code, t.Value, lang)
				}
			}
			row = append(row, cell)
		}
		ind.Rows = append(ind.Rows, row)
	}
	gaps := &document.Table{Columns: []string{w["code"], w["year"], w["need"], w["others"], w["request"], w["remaining"]}}
	for _, g := range f.Gaps {
		remaining := g.Need - g.CoveredByOthers - g.ThisRequest
		gaps.Rows = append(gaps.Rows, []string{indicatorName(cat, g.Indicator, lang), strconv.Itoa(g.Year), formatInt(g.Need, lang),
			formatInt(g.CoveredByOthers, lang), formatInt(g.ThisRequest, lang), formatInt(remaining, lang)})
	}
	return document.Section{Title: w["framework"], Fields: []document.Field{{Label: w["indicators"], Table: ind}, {Label: w["gaps"], Table: gaps}}}
}

// indicatorName prints an indicator as its code and name, marked as this tool's summary when the Global
// Fund's code for it was not verified (OST-C, NLX-1 ...), so that the PDF never passes the tool's label
// off as the funder's.
func indicatorName(cat *budget.Catalogue, code, lang string) string {
	if ind, ok := cat.Indicator(code); ok {
		return budget.Label(budget.Text{En: code, Ru: code}, ind.Confidence, lang) + " " + ind.Name.In(lang)
	}
	return code
}

// value prints an indicator value in its unit: percentages are stored in tenths of a percent.
func value(cat *budget.Catalogue, code string, v *int64, lang string) string {
	if v == nil {
		return "—"
	}
	if ind, ok := cat.Indicator(code); ok && ind.Kind == budget.KindPercentage {
		return formatPercent(budget.Tenths(*v), lang)
	}
	return formatInt(*v, lang)
}
