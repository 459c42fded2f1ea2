package service

import (
	"context"
	"strings"

	"iduit/budget"
	"iduit/domain"
	"iduit/templates"
)

// CodeTypedNumberDisagrees: a number a template asks to type (the concept note of 2014–2016 asks for the
// allocation request, the above-allocation amount and the community-led share) disagrees with the one
// computed from the budget, the PAAR amounts and the settings. Newer templates do not ask for them.
const CodeTypedNumberDisagrees = "typed_number_disagrees"

// typedNumber is a template field whose answer must equal a computed number.
type typedNumber struct {
	section, field string
	// computed returns the number as the field is typed ("84000.00", "28.6") and whether it is known.
	computed func(t RequestTotals, cur budget.Currency) (string, bool)
	// agrees compares the typed text with the computed one.
	agrees func(typed, computed string, cur budget.Currency) bool
}

// typedNumbers are the concept note's fields that repeat a computed number.
var typedNumbers = []typedNumber{
	{"modular-budget", "allocation-amount",
		func(t RequestTotals, cur budget.Currency) (string, bool) {
			return cur.Format(t.WithinAllocation), t.WithinAllocation > 0
		},
		sameAmount},
	{"modular-budget", "above-allocation-amount",
		func(t RequestTotals, cur budget.Currency) (string, bool) {
			return cur.Format(t.AboveAllocation), t.AboveAllocation > 0
		},
		sameAmount},
	{"community-empowerment", "community-budget-share",
		func(t RequestTotals, _ budget.Currency) (string, bool) {
			return t.CommunityLed.Percent.String(), t.WithinAllocation > 0
		},
		samePercent},
}

// sameAmount compares amounts exactly in minor units.
func sameAmount(typed, computed string, cur budget.Currency) bool {
	a, errA := cur.Parse(typed)
	b, errB := cur.Parse(computed)
	return errA == nil && errB == nil && a == b
}

// samePercent compares percentages to half a point: people type 8 or 8.4 for 8.4%.
func samePercent(typed, computed string, _ budget.Currency) bool {
	tenths := budget.Currency{Digits: 1}
	if whole, frac, ok := strings.Cut(typed, "."); ok && len(frac) > 1 {
		typed = whole + "." + frac[:1] // a tenth is as precise as the computed share
	}
	a, errA := tenths.Parse(typed)
	b, errB := tenths.Parse(computed)
	return errA == nil && errB == nil && a-b <= 5 && b-a <= 5
}

// typedNumberIssues reports each typed number of the template that disagrees with the computed one.
func (s *Service) typedNumberIssues(ctx context.Context, p domain.Proposal, tpl *templates.Template, fields map[string]domain.Fields) ([]Issue, error) {
	_, totals, err := s.requestTotals(ctx, p)
	if err != nil {
		return nil, err
	}
	cur, _ := budget.LookupCurrency(totals.Currency)
	m := messagesFor(p.Language)
	var out []Issue
	for _, tn := range typedNumbers {
		sec, ok := tpl.Section(tn.section)
		if !ok {
			continue
		}
		f, ok := sec.Field(tn.field)
		raw, present := fields[tn.section][tn.field]
		if !ok || !present || isNull(raw) {
			continue
		}
		computed, known := tn.computed(totals, cur)
		typed := domain.ScalarText(raw)
		if !known || tn.agrees(typed, computed, cur) {
			continue
		}
		out = append(out, m.issue(sec, f, CodeTypedNumberDisagrees, typed, computed))
	}
	return out, nil
}
