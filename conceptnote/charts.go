package conceptnote

import (
	"fmt"
	"strconv"

	"iduit/budget"
	"iduit/document"
)

// request is what the budget charts need beyond the budget: the settings' allocation and target
// share, and the PAAR total of the intervention records (the same sum service.RequestTotals makes).
type request struct {
	allocation, paar int64
	target           *int
}

// requestOf reads the allocation, the PAAR and the owner's target share as the request section does.
func requestOf(p parts) request {
	r := request{allocation: p.allocation(), paar: p.paarTotal()}
	if p.settings != nil {
		r.target = p.settings.TargetSharePercent
	}
	return r
}

// budgetCharts draws the budget summary's figures as the tables beside them print them.
type budgetCharts struct {
	lang  string
	money func(int64) string
	sum   budget.Summary
	req   request
	words map[string]string
}

func (c budgetCharts) pct(t budget.Tenths) string { return formatPercent(t, c.lang) }

func (c budgetCharts) byModule() *document.Chart {
	ch := &document.Chart{Title: c.words["by-module"]}
	for _, m := range c.sum.ByModule {
		ch.Bars = append(ch.Bars, document.ChartBar{Label: m.Name.In(c.lang), Value: m.Amount, Amount: c.money(m.Amount), Percent: c.pct(m.Percent)})
	}
	return ch
}

func (c budgetCharts) byGrouping() *document.Chart {
	ch := &document.Chart{Title: c.words["by-grouping"]}
	for _, g := range c.sum.ByCostGrouping {
		ch.Bars = append(ch.Bars, document.ChartBar{Label: strconv.Itoa(g.Number) + ". " + g.Name.In(c.lang), Value: g.Amount,
			Amount: c.money(g.Amount), Percent: c.pct(g.Percent)})
	}
	return ch
}

// funding sets the budget and the PAAR against the allocation, each with its share of the whole
// request; the allocation is the target line.
func (c budgetCharts) funding() *document.Chart {
	whole := c.sum.Total + c.req.paar
	share := func(v int64) string {
		t, _ := budget.PercentTenths(v, whole)
		return c.pct(t)
	}
	ch := &document.Chart{Title: c.words["funding"], Bars: []document.ChartBar{
		{Label: c.words["within"], Value: c.sum.Total, Amount: c.money(c.sum.Total), Percent: share(c.sum.Total)},
		{Label: c.words["paar"], Value: c.req.paar, Amount: c.money(c.req.paar), Percent: share(c.req.paar)},
	}}
	if c.req.allocation > 0 {
		ch.Target, ch.TargetLabel = c.req.allocation, fmt.Sprintf(c.words["allocation"], c.money(c.req.allocation))
	}
	return ch
}

func (c budgetCharts) fundingTable() *document.Table {
	w := c.words
	t := &document.Table{Columns: []string{"", w["amount"]}, Rows: [][]string{
		{w["within"], c.money(c.sum.Total)}, {w["paar"], c.money(c.req.paar)}}}
	if c.req.allocation > 0 {
		t.Rows = append([][]string{{w["alloc"], c.money(c.req.allocation)}}, t.Rows...)
	}
	return t
}

// shares draws the community-led and human-rights shares on a scale of 0–100 %, with the owner's
// target line when the settings name one.
func (c budgetCharts) shares() *document.Chart {
	ch := &document.Chart{Title: c.words["shares"], Max: 1000, Bars: []document.ChartBar{
		{Label: c.words["community"], Value: int64(c.sum.CommunityLed.Percent), Amount: c.money(c.sum.CommunityLed.Amount), Percent: c.pct(c.sum.CommunityLed.Percent)},
		{Label: c.words["rights"], Value: int64(c.sum.HumanRights.Percent), Amount: c.money(c.sum.HumanRights.Amount), Percent: c.pct(c.sum.HumanRights.Percent)},
	}}
	if c.req.target != nil {
		ch.Target, ch.TargetLabel = int64(*c.req.target)*10, fmt.Sprintf(c.words["target"], strconv.Itoa(*c.req.target)+percentSign(c.lang))
	}
	return ch
}
