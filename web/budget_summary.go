package web

import (
	"strconv"

	"iduit/budget"
)

// summaryView is the saved budget's summary with every amount already printed in the reader's language.
type summaryView struct {
	Currency, Total           string
	Ceiling, OverCeiling      string
	ByYear                    []summaryRow
	ByModule, ByCostGrouping  []summaryRow
	CommunityLed, HumanRights summaryRow
	// Charts draw the same figures; the tables stay beside them for screen readers.
	Charts *budgetCharts
}

type summaryRow struct{ Name, Amount, Percent string }

func newSummaryView(lang string, s budget.Summary, ceiling int64) *summaryView {
	cur, _ := budget.LookupCurrency(s.Currency)
	share := func(name string, sh budget.Share) summaryRow {
		return summaryRow{Name: name, Amount: cur.Readable(sh.Amount, lang), Percent: sh.Percent.Readable(lang)}
	}
	v := &summaryView{Currency: s.Currency, Total: cur.Readable(s.Total, lang),
		CommunityLed: share("", s.CommunityLed), HumanRights: share("", s.HumanRights)}
	if ceiling > 0 {
		v.Ceiling = cur.Readable(ceiling, lang)
		if s.Total > ceiling {
			v.OverCeiling = cur.Readable(s.Total-ceiling, lang)
		}
	}
	for _, y := range s.ByYear {
		v.ByYear = append(v.ByYear, summaryRow{Name: itoa(y.Year), Amount: cur.Readable(y.Amount, lang)})
	}
	for _, m := range s.ByModule {
		v.ByModule = append(v.ByModule, share(m.Name.In(lang), m.Share))
	}
	for _, g := range s.ByCostGrouping {
		v.ByCostGrouping = append(v.ByCostGrouping, share(itoa(g.Number)+". "+g.Name.In(lang), g.Share))
	}
	return v
}

func itoa(n int) string { return strconv.Itoa(n) }
