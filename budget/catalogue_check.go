package budget

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
)

var keyPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// costGroupingCount is fixed by the Global Fund's budgeting guidelines; a catalogue with more or fewer
// would produce budgets the funder's template cannot hold.
const costGroupingCount = 13

// checker collects every problem in a catalogue so that an editor fixes them in one pass.
type checker struct{ errs []error }

func (k *checker) failf(where, format string, args ...any) {
	k.errs = append(k.errs, fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...)))
}

func (c *Catalogue) check() error {
	k := &checker{}
	if len(c.Modules) == 0 {
		k.failf("modules", "at least one module is required")
	}
	cycles := map[string]bool{}
	for i, cy := range c.Cycles {
		where := fmt.Sprintf("cycles[%d] (key %q)", i, cy.Key)
		k.key(where, cy.Key, cycles)
		k.text(where+".name", cy.Name)
	}
	if !cycles[DefaultCycle] {
		k.failf("cycles", "the default cycle %q is required: proposals from older templates budget against it", DefaultCycle)
	}
	modules, interventions := map[string]bool{}, map[string]bool{}
	for m, mod := range c.Modules {
		where := fmt.Sprintf("modules[%d] (key %q)", m, mod.Key)
		k.key(where, mod.Key, modules)
		k.text(where+".name", mod.Name)
		if !cycles[mod.Cycle] {
			k.failf(where+".cycle", "%q is not a cycle of the catalogue", mod.Cycle)
		}
		k.confidence(where+".confidence", mod.Confidence)
		if len(mod.Interventions) == 0 {
			k.failf(where+".interventions", "at least one intervention is required")
		}
		for i, iv := range mod.Interventions {
			iwhere := fmt.Sprintf("%s.interventions[%d] (key %q)", where, i, iv.Key)
			k.key(iwhere, iv.Key, interventions)
			k.text(iwhere+".name", iv.Name)
			k.confidence(iwhere+".confidence", iv.Confidence)
			if iv.IDUITChapter < 1 || iv.IDUITChapter > 5 {
				k.failf(iwhere+".iduit_chapter", "%d is not an IDUIT chapter (1-5)", iv.IDUITChapter)
			}
		}
	}
	k.costGroupings(c.CostGroupings)
	k.indicators(c.Indicators, interventions)
	k.workplanMeasures(c.WorkplanMeasures, interventions)
	return errors.Join(k.errs...)
}

func (k *checker) confidence(where string, c Confidence) {
	if !slices.Contains([]Confidence{"", ConfidenceSure, ConfidenceLikely, ConfidenceUnsure}, c) {
		k.failf(where, "%q must be sure, likely or unsure", c)
	}
}

// maxMilestoneQuarter is the last quarter of a four-year grant, the longest the budget accepts.
const maxMilestoneQuarter = 16

func (k *checker) workplanMeasures(measures []WorkplanMeasure, interventions map[string]bool) {
	seen := map[string]bool{}
	for i, w := range measures {
		where := fmt.Sprintf("workplan_measures[%d] (key %q)", i, w.Key)
		k.key(where, w.Key, seen)
		k.text(where+".name", w.Name)
		k.confidence(where+".confidence", w.Confidence)
		if !interventions[w.Intervention] {
			k.failf(where+".intervention", "%q is not an intervention of the catalogue", w.Intervention)
		}
		if len(w.Milestones) == 0 {
			k.failf(where+".milestones", "a workplan tracking measure needs at least one milestone")
		}
		last := 0
		for j, m := range w.Milestones {
			mwhere := fmt.Sprintf("%s.milestones[%d]", where, j)
			k.text(mwhere+".name", m.Name)
			if m.Quarter < 1 || m.Quarter > maxMilestoneQuarter || m.Quarter < last {
				k.failf(mwhere+".quarter", "%d must be 1-%d and not before the previous milestone", m.Quarter, maxMilestoneQuarter)
			}
			last = m.Quarter
		}
	}
}

func (k *checker) costGroupings(groupings []CostGrouping) {
	if len(groupings) != costGroupingCount {
		k.failf("cost_groupings", "has %d groupings; the Global Fund uses %d", len(groupings), costGroupingCount)
	}
	seen := map[string]bool{}
	for i, g := range groupings {
		where := fmt.Sprintf("cost_groupings[%d] (key %q)", i, g.Key)
		k.key(where, g.Key, seen)
		k.text(where+".name", g.Name)
		if g.Number != i+1 {
			k.failf(where+".number", "is %d; groupings are numbered 1 to %d in order", g.Number, costGroupingCount)
		}
		if g.Confidence != "sure" && g.Confidence != "likely" {
			k.failf(where+".confidence", "%q must be sure or likely", g.Confidence)
		}
	}
}

func (k *checker) indicators(indicators []Indicator, interventions map[string]bool) {
	seen := map[string]bool{}
	for i, ind := range indicators {
		where := fmt.Sprintf("indicators[%d] (code %q)", i, ind.Code)
		switch {
		case ind.Code == "":
			k.failf(where+".code", "is required")
		case seen[ind.Code]:
			k.failf(where+".code", "%q is used twice", ind.Code)
		}
		seen[ind.Code] = true
		k.text(where+".name", ind.Name)
		k.text(where+".definition", ind.Definition)
		k.confidence(where+".confidence", ind.Confidence)
		if ind.Kind != KindPercentage && ind.Kind != KindCount {
			k.failf(where+".kind", "%q must be percentage or count", ind.Kind)
		}
		if !slices.Contains([]IndicatorType{TypeImpact, TypeOutcome, TypeCoverage}, ind.Type) {
			k.failf(where+".type", "%q must be impact, outcome or coverage", ind.Type)
		}
		if ind.ReclassifiedFrom != "" && (ind.ReclassifiedFrom == ind.Type || !slices.Contains([]IndicatorType{TypeImpact, TypeOutcome, TypeCoverage}, ind.ReclassifiedFrom)) {
			k.failf(where+".reclassified_from", "%q must be another of impact, outcome or coverage", ind.ReclassifiedFrom)
		}
		// An impact indicator measures the epidemic, not one intervention; the others must say what they measure.
		if ind.Type != TypeImpact && len(ind.Interventions) == 0 {
			k.failf(where+".interventions", "name the interventions this %s indicator measures", ind.Type)
		}
		for j, key := range ind.Interventions {
			if !interventions[key] {
				k.failf(fmt.Sprintf("%s.interventions[%d]", where, j), "%q is not an intervention of the catalogue", key)
			}
		}
	}
}

func (k *checker) key(where, key string, seen map[string]bool) {
	if !keyPattern.MatchString(key) {
		k.failf(where+".key", "%q must be lowercase letters, digits and '-'", key)
	}
	if seen[key] {
		k.failf(where+".key", "%q is used twice", key)
	}
	seen[key] = true
}

func (k *checker) text(where string, t Text) {
	if t.En == "" {
		k.failf(where+".en", "is missing")
	}
	if t.Ru == "" {
		k.failf(where+".ru", "is missing")
	}
}
