package conceptnote

import (
	"encoding/json"
	"strconv"

	"iduit/budget"
	"iduit/document"
	"iduit/export"
)

var tableWords = map[string]map[string]string{
	"en": {"budget": "Budget summary", "framework": "Performance framework and programmatic gaps", "by-module": "By module",
		"by-grouping": "By cost grouping", "by-year": "By year", "module": "Module", "grouping": "Cost grouping", "year": "Year",
		"amount": "Amount", "share": "Share, %", "total": "Total", "community": "Community-led interventions", "rights": "Human-rights interventions",
		"indicators": "Indicators", "code": "Indicator", "baseline": "Baseline", "targets": "Targets", "gaps": "Programmatic gap table",
		"need": "Need", "others": "Covered by others", "request": "This request", "remaining": "Remaining gap", "shares": "Shares reviewers look for",
		"funding": "Allocation and the above-allocation request (PAAR)", "within": "Budget within the allocation", "paar": "Above the allocation (PAAR)",
		"allocation": "Allocation: %s", "alloc": "Allocation", "target": "Target: %s"},
	"ru": {"budget": "Сводка бюджета", "framework": "Рамка результатов деятельности и программные пробелы",
		"by-module": "По модулям", "by-grouping": "По группам затрат", "by-year": "По годам", "module": "Модуль", "grouping": "Группа затрат",
		"year": "Год", "amount": "Сумма", "share": "Доля, %", "total": "Итого", "community": "Мероприятия под руководством сообществ",
		"rights": "Мероприятия в области прав человека", "indicators": "Индикаторы", "code": "Индикатор", "baseline": "Исходное значение",
		"targets": "Целевые значения", "gaps": "Таблица программных пробелов", "need": "Потребность", "others": "Покрыто другими",
		"request": "Эта заявка", "remaining": "Оставшийся пробел", "shares": "Доли, на которые смотрят рецензенты",
		"funding": "Аллокация и запрос сверх аллокации (PAAR)", "within": "Бюджет в пределах аллокации", "paar": "Сверх аллокации (PAAR)",
		"allocation": "Аллокация: %s", "alloc": "Аллокация", "target": "Цель: %s"},
}

// budgetSections adds the core tables when the proposal has them: the budget summary, and the performance
// framework with the gap table.
func budgetSections(parts []export.Part, cat *budget.Catalogue, lang string) []document.Section {
	var out []document.Section
	req := requestOf(parts)
	for _, part := range parts {
		switch part.Kind {
		case "budget":
			if s, ok := budgetSection(part.Body, req, cat, lang); ok {
				out = append(out, s)
			}
		case "indicators":
			out = append(out, frameworkSection(part.Body, cat, lang))
		}
	}
	return out
}

func budgetSection(body json.RawMessage, req request, cat *budget.Catalogue, lang string) (document.Section, bool) {
	var sb export.BudgetBody
	if json.Unmarshal(body, &sb) != nil {
		return document.Section{}, false
	}
	b := budget.Budget{Currency: sb.Currency, Years: sb.Years}
	for _, l := range sb.Lines {
		b.Lines = append(b.Lines, budget.Line(l))
	}
	sum, err := cat.Summarize(b)
	if err != nil {
		return document.Section{}, false
	}
	w, cur := tableWords[lang], currencyOf(sb.Currency)
	money := func(v int64) string { return cur.Readable(v, lang) + "\u00a0" + sb.Currency }
	pct := func(t budget.Tenths) string { return t.Readable(lang) }
	byModule := &document.Table{Columns: []string{w["module"], w["amount"], w["share"]}}
	for _, m := range sum.ByModule {
		byModule.Rows = append(byModule.Rows, []string{m.Name.In(lang), money(m.Amount), pct(m.Percent)})
	}
	byModule.Rows = append(byModule.Rows, []string{w["total"], money(sum.Total), pct(1000)})
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
	if req.allocation == 0 {
		req.allocation = sb.AllocationCeiling // a budget saved before the settings named the allocation
	}
	c := budgetCharts{lang: lang, money: money, sum: sum, req: req, words: w}
	return document.Section{Title: w["budget"], Fields: []document.Field{
		{Label: w["by-module"], Table: byModule, Chart: c.byModule()}, {Label: w["by-grouping"], Table: byGrouping, Chart: c.byGrouping()},
		{Label: w["funding"], Table: c.fundingTable(), Chart: c.funding()},
		{Label: w["by-year"], Table: byYear}, {Label: w["shares"], Table: shares, Chart: c.shares()},
	}}, true
}

func currencyOf(code string) budget.Currency {
	if c, ok := budget.LookupCurrency(code); ok {
		return c
	}
	return budget.Currency{Code: code, Digits: 2}
}

func frameworkSection(body json.RawMessage, cat *budget.Catalogue, lang string) document.Section {
	var f export.FrameworkBody
	_ = json.Unmarshal(body, &f)
	w := tableWords[lang]
	ind := &document.Table{Columns: []string{w["code"], w["baseline"], w["targets"]}}
	for _, in := range f.Indicators {
		targets := ""
		for i, t := range in.Targets {
			if i > 0 {
				targets += "; "
			}
			targets += strconv.Itoa(t.Year) + ": " + value(cat, in.Code, t.Value)
		}
		baseline := value(cat, in.Code, in.Baseline.Value) + " (" + strconv.Itoa(in.Baseline.Year) + ", " + in.Baseline.Source + ")"
		ind.Rows = append(ind.Rows, []string{codeLabel(cat, in.Code, lang), baseline, targets})
	}
	gaps := &document.Table{Columns: []string{w["code"], w["year"], w["need"], w["others"], w["request"], w["remaining"]}}
	for _, g := range f.Gaps {
		remaining := g.Need - g.CoveredByOthers - g.ThisRequest
		gaps.Rows = append(gaps.Rows, []string{codeLabel(cat, g.Indicator, lang), strconv.Itoa(g.Year), strconv.FormatInt(g.Need, 10),
			strconv.FormatInt(g.CoveredByOthers, 10), strconv.FormatInt(g.ThisRequest, 10), strconv.FormatInt(remaining, 10)})
	}
	return document.Section{Title: w["framework"], Fields: []document.Field{{Label: w["indicators"], Table: ind}, {Label: w["gaps"], Table: gaps}}}
}

// codeLabel prints an indicator's code, marked as this tool's summary when the Global Fund's code for it
// was not verified (OST-C, NLX-1 ...), so that the PDF never passes the tool's label off as the funder's.
func codeLabel(cat *budget.Catalogue, code, lang string) string {
	if ind, ok := cat.Indicator(code); ok {
		return budget.Label(budget.Text{En: code, Ru: code}, ind.Confidence, lang)
	}
	return code
}

// value prints an indicator value in its unit: percentages are stored in tenths of a percent.
func value(cat *budget.Catalogue, code string, v *int64) string {
	if v == nil {
		return "—"
	}
	if ind, ok := cat.Indicator(code); ok && ind.Kind == budget.KindPercentage {
		return budget.Tenths(*v).String() + "%"
	}
	return strconv.FormatInt(*v, 10)
}
