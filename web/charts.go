package web

import (
	"html/template"
	"strconv"

	"github.com/gin-gonic/gin"

	"iduit/budget"
	"iduit/chart"
	"iduit/service"
)

// chartSVG renders a chart for a page. The SVG is built by package chart, which escapes every text it
// prints, so it is safe to mark as HTML.
func chartSVG(id string, c chart.BarChart) template.HTML {
	return template.HTML(chart.SVG(c, id)) //nolint:gosec // chart.SVG escapes all text
}

// percentText prints tenths of a percent with its sign, as the bars show it.
func percentText(lang string, t budget.Tenths) string { return t.Readable(lang) + "\u00a0%" }

// budgetCharts are the budget page's charts, drawn from the same summary and totals as its tables.
type budgetCharts struct {
	ByModule, ByCostGrouping, Funding, Shares template.HTML
	// Funding's figures, for the table beside its chart.
	Allocation, Within, PAAR string
}

func newBudgetCharts(c *gin.Context, s budget.Summary, t service.RequestTotals) *budgetCharts {
	lang := langOf(c)
	cur, _ := budget.LookupCurrency(s.Currency)
	money := func(v int64) string { return cur.Readable(v, lang) + "\u00a0" + s.Currency }
	out := &budgetCharts{Within: money(t.WithinAllocation), PAAR: money(t.AboveAllocation)}
	byModule := chart.BarChart{Title: tr(c, "budget.by_module")}
	for _, m := range s.ByModule {
		byModule.Bars = append(byModule.Bars, chart.Bar{Label: m.Name.In(lang), Value: m.Amount, Amount: money(m.Amount), Percent: percentText(lang, m.Percent)})
	}
	byGrouping := chart.BarChart{Title: tr(c, "budget.by_cost_grouping")}
	for _, g := range s.ByCostGrouping {
		byGrouping.Bars = append(byGrouping.Bars, chart.Bar{Label: strconv.Itoa(g.Number) + ". " + g.Name.In(lang), Value: g.Amount,
			Amount: money(g.Amount), Percent: percentText(lang, g.Percent)})
	}
	whole := t.WithinAllocation + t.AboveAllocation
	share := func(v int64) string {
		p, _ := budget.PercentTenths(v, whole)
		return percentText(lang, p)
	}
	funding := chart.BarChart{Title: tr(c, "chart.funding"), Bars: []chart.Bar{
		{Label: tr(c, "chart.within"), Value: t.WithinAllocation, Amount: out.Within, Percent: share(t.WithinAllocation)},
		{Label: tr(c, "chart.paar"), Value: t.AboveAllocation, Amount: out.PAAR, Percent: share(t.AboveAllocation)},
	}}
	if t.AllocationAmount > 0 {
		out.Allocation = money(t.AllocationAmount)
		funding.Target = &chart.Target{Value: t.AllocationAmount, Label: tr(c, "chart.allocation", out.Allocation)}
	}
	shares := chart.BarChart{Title: tr(c, "chart.shares"), Max: 1000, Bars: []chart.Bar{
		{Label: tr(c, "budget.community_led"), Value: int64(t.CommunityLed.Percent), Amount: money(t.CommunityLed.Amount), Percent: percentText(lang, t.CommunityLed.Percent)},
		{Label: tr(c, "budget.human_rights"), Value: int64(t.HumanRights.Percent), Amount: money(t.HumanRights.Amount), Percent: percentText(lang, t.HumanRights.Percent)},
	}}
	if target := t.TargetSharePercent; target != nil {
		shares.Target = &chart.Target{Value: int64(*target) * 10, Label: tr(c, "chart.target", strconv.Itoa(*target)+"\u00a0%")}
	}
	out.ByModule, out.ByCostGrouping = chartSVG("chart-module", byModule), chartSVG("chart-grouping", byGrouping)
	out.Funding, out.Shares = chartSVG("chart-funding", funding), chartSVG("chart-shares", shares)
	return out
}

// countChart is a chart of counts out of a whole: each bar prints its count and its share of total.
// labels name the bars, in order.
func countChart(c *gin.Context, id, title string, labels []string, counts []int, total int) template.HTML {
	total = max(total, 1)
	bc := chart.BarChart{Title: title, Max: int64(total)}
	for i, label := range labels {
		p, _ := budget.PercentTenths(int64(counts[i]), int64(total))
		bc.Bars = append(bc.Bars, chart.Bar{Label: label, Value: int64(counts[i]), Amount: strconv.Itoa(counts[i]), Percent: percentText(langOf(c), p)})
	}
	return chartSVG(id, bc)
}

// progressChart draws how many sections are complete, in progress and not started, from the same
// progress as the list under it.
func progressChart(c *gin.Context, pr service.Progress) template.HTML {
	return countChart(c, "chart-progress", tr(c, "chart.progress"), []string{tr(c, "state.complete"), tr(c, "state.in_progress"), tr(c, "state.empty")},
		[]int{pr.Counts[service.StateComplete], pr.Counts[service.StateInProgress], pr.Counts[service.StateEmpty]}, len(pr.Sections))
}

// prioritiesChart draws how many of the saved community priorities went into the allocation, the
// PAAR, or were left out; nothing before any is saved. Priorities not yet decided count in the whole.
func prioritiesChart(c *gin.Context, list []service.Priority) template.HTML {
	if len(list) == 0 {
		return ""
	}
	counts := map[string]int{}
	for _, pr := range list {
		counts[pr.Status]++
	}
	return countChart(c, "chart-priorities", tr(c, "chart.priorities"), []string{tr(c, "funding.allocation"), tr(c, "funding.paar"), tr(c, "funding.not_included")},
		[]int{counts[service.FundingAllocation], counts[service.FundingPAAR], counts[service.FundingNotIncluded]}, len(list))
}

// indicatorChart is the performance framework's chart: one saved indicator, chosen with a GET form
// (no script), from its baseline to its target in each grant year, with the same figures as a table.
type indicatorChart struct {
	Options []option
	Chosen  string
	SVG     template.HTML
	Rows    []summaryRow // Name and Amount: "Baseline 2025", "41,2 %"
}

func newIndicatorChart(c *gin.Context, cat *budget.Catalogue, entries []budget.IndicatorEntry) *indicatorChart {
	if len(entries) == 0 {
		return nil
	}
	lang := langOf(c)
	out := &indicatorChart{Chosen: entries[0].Code}
	for _, e := range entries {
		out.Options = append(out.Options, option{e.Code, e.Code})
		if e.Code == c.Query("chart") {
			out.Chosen = e.Code
		}
	}
	var entry budget.IndicatorEntry
	for _, e := range entries {
		if e.Code == out.Chosen {
			entry = e
			break
		}
	}
	ind, _ := cat.Indicator(entry.Code)
	pct := ind.Kind == budget.KindPercentage
	bc := chart.BarChart{Title: tr(c, "chart.indicator") + ", " + entry.Code}
	if pct {
		bc.Max = 1000 // a percentage is drawn on its whole scale
	}
	add := func(label string, v *int64) {
		if v == nil {
			return
		}
		text := budget.GroupDigits(lang, strconv.FormatInt(*v, 10))
		if pct {
			text = percentText(lang, budget.Tenths(*v))
		}
		bc.Bars = append(bc.Bars, chart.Bar{Label: label, Value: *v, Amount: text})
		out.Rows = append(out.Rows, summaryRow{Name: label, Amount: text})
	}
	add(tr(c, "chart.baseline", entry.Baseline.Year), entry.Baseline.Value)
	for _, t := range entry.Targets {
		add(tr(c, "chart.target_year", t.Year), t.Value)
	}
	out.SVG = chartSVG("chart-indicator", bc)
	return out
}

// commentsChart draws the open comment threads of each section that has any, in template order;
// nothing when there are none. rows are the same figures for the table beside it.
func commentsChart(c *gin.Context, sections []sectionRow, open map[string]int) (template.HTML, []summaryRow) {
	bc := chart.BarChart{Title: tr(c, "chart.comments")}
	var rows []summaryRow
	for _, s := range sections {
		if n := open[s.Section.Key]; n > 0 {
			label := s.Section.Number + " " + s.Section.Title[langOf(c)]
			bc.Bars = append(bc.Bars, chart.Bar{Label: label, Value: int64(n), Amount: strconv.Itoa(n)})
			rows = append(rows, summaryRow{Name: label, Amount: strconv.Itoa(n)})
		}
	}
	if len(rows) == 0 {
		return "", nil
	}
	return chartSVG("chart-comments", bc), rows
}
