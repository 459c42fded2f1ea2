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
}

type summaryRow struct{ Name, Amount, Percent string }

func newSummaryView(lang string, s budget.Summary, ceiling int64) *summaryView {
	cur, _ := budget.LookupCurrency(s.Currency)
	share := func(name string, sh budget.Share) summaryRow {
		return summaryRow{Name: name, Amount: money(lang, cur, sh.Amount), Percent: tenthsIn(lang, sh.Percent)}
	}
	v := &summaryView{Currency: s.Currency, Total: money(lang, cur, s.Total),
		CommunityLed: share("", s.CommunityLed), HumanRights: share("", s.HumanRights)}
	if ceiling > 0 {
		v.Ceiling = money(lang, cur, ceiling)
		if s.Total > ceiling {
			v.OverCeiling = money(lang, cur, s.Total-ceiling)
		}
	}
	for _, y := range s.ByYear {
		v.ByYear = append(v.ByYear, summaryRow{Name: itoa(y.Year), Amount: money(lang, cur, y.Amount)})
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
