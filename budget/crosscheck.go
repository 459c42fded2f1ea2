package budget

import (
	"fmt"
	"strings"
)

// Finding codes: stable so that the web pages can link each to its help text.
const (
	// FindingInterventionWithoutIndicator: money is asked for work whose results nobody will measure.
	FindingInterventionWithoutIndicator = "intervention_without_indicator"
	// FindingYearWithoutTarget: a grant year for which an indicator promises nothing.
	FindingYearWithoutTarget = "year_without_target"
	// FindingOverAllocation: the budget asks for more than the country's allocation.
	FindingOverAllocation = "over_allocation"
)

// Finding is something a reviewer would ask about though the data is valid: it is shown as a warning
// in both languages, never as a refusal to save.
type Finding struct {
	Code    string
	Path    string
	Message Text
}

// CrossCheck compares the budget with the performance framework and the allocation. ceiling is the
// allocation in minor units of the budget's currency; zero or less means none was stated. Run it on a
// validated budget: invalid parts are skipped, not reported again. Findings come in a fixed order
// (catalogue order, then indicator order, then the allocation), so repeated checks print the same list.
func (c *Catalogue) CrossCheck(b Budget, indicators []IndicatorEntry, ceiling int64) []Finding {
	var out []Finding
	out = append(out, c.interventionsWithoutIndicator(b, indicators)...)
	out = append(out, yearsWithoutTarget(b.Years, indicators)...)
	if f, ok := overAllocation(b, ceiling); ok {
		out = append(out, f)
	}
	return out
}

func (c *Catalogue) interventionsWithoutIndicator(b Budget, indicators []IndicatorEntry) []Finding {
	firstLine := make([]int, len(c.flat))
	for i := range firstLine {
		firstLine[i] = -1
	}
	for i, l := range b.Lines {
		if ref, ok := c.interventions[l.Intervention]; ok && firstLine[ref.flat] < 0 {
			firstLine[ref.flat] = i
		}
	}
	chosen := map[string]bool{}
	for _, e := range indicators {
		chosen[e.Code] = true
	}
	var out []Finding
	for f, ref := range c.flat {
		if firstLine[f] < 0 {
			continue
		}
		iv := c.at(ref)
		related, measured := c.relatedIndicators(iv.Key, chosen)
		if measured {
			continue
		}
		out = append(out, Finding{
			Code:    FindingInterventionWithoutIndicator,
			Path:    fmt.Sprintf("lines[%d].intervention", firstLine[f]),
			Message: withoutIndicatorMessage(iv.Name, related),
		})
	}
	return out
}

// relatedIndicators lists the catalogue indicators that measure an intervention, and reports whether
// one of them was chosen.
func (c *Catalogue) relatedIndicators(key string, chosen map[string]bool) (codes []string, measured bool) {
	for _, ind := range c.Indicators {
		for _, k := range ind.Interventions {
			if k == key {
				codes = append(codes, ind.Code)
				measured = measured || chosen[ind.Code]
			}
		}
	}
	return codes, measured
}

func withoutIndicatorMessage(name Text, related []string) Text {
	if len(related) == 0 {
		return Text{
			En: fmt.Sprintf("No indicator in the catalogue measures %q; add a workplan tracking measure (milestones with dates) to show how its results will be tracked.", name.En),
			Ru: fmt.Sprintf("Ни один индикатор каталога не измеряет меру «%s»; добавьте меру отслеживания по рабочему плану (этапы с датами), чтобы показать, как будут отслеживаться ее результаты.", name.Ru),
		}
	}
	list := strings.Join(related, ", ")
	return Text{
		En: fmt.Sprintf("The budget pays for %q but the performance framework has no indicator for it; consider %s.", name.En, list),
		Ru: fmt.Sprintf("Бюджет финансирует меру «%s», но в рамочном документе по результатам деятельности нет индикатора для нее; подойдут: %s.", name.Ru, list),
	}
}

func yearsWithoutTarget(years []int, indicators []IndicatorEntry) []Finding {
	var out []Finding
	if len(indicators) == 0 {
		for _, y := range years {
			out = append(out, Finding{Code: FindingYearWithoutTarget, Path: "indicators", Message: Text{
				En: fmt.Sprintf("No indicator has a target for %d.", y),
				Ru: fmt.Sprintf("Ни у одного индикатора нет целевого значения на %d год.", y),
			}})
		}
		return out
	}
	for i, e := range indicators {
		for _, y := range years {
			if hasTarget(e.Targets, y) {
				continue
			}
			out = append(out, Finding{Code: FindingYearWithoutTarget, Path: fmt.Sprintf("indicators[%d].targets", i), Message: Text{
				En: fmt.Sprintf("%s has no target for %d.", e.Code, y),
				Ru: fmt.Sprintf("У индикатора %s нет целевого значения на %d год.", e.Code, y),
			}})
		}
	}
	return out
}

func hasTarget(targets []Target, year int) bool {
	for _, t := range targets {
		if t.Year == year {
			return true
		}
	}
	return false
}

func overAllocation(b Budget, ceiling int64) (Finding, bool) {
	if ceiling <= 0 {
		return Finding{}, false
	}
	var total int64
	for _, l := range b.Lines {
		for _, a := range l.Amounts {
			var ok bool
			if total, ok = addChecked(total, a); !ok {
				return Finding{}, false // validation names the line that overflows
			}
		}
	}
	if total <= ceiling {
		return Finding{}, false
	}
	cur, _ := LookupCurrency(b.Currency)
	t, c, over := formatAmount(cur, total), formatAmount(cur, ceiling), formatAmount(cur, total-ceiling)
	return Finding{Code: FindingOverAllocation, Path: "lines", Message: Text{
		En: fmt.Sprintf("The budget total %s is %s above the allocation of %s; move the rest to the prioritised above-allocation request.", t, over, c),
		Ru: fmt.Sprintf("Итог бюджета %s превышает выделенную сумму %s на %s; перенесите остаток в приоритизированный запрос сверх выделенной суммы.", t, c, over),
	}}, true
}
