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
