package budget

import (
	"fmt"
	"slices"

	"iduit/domain"
)

// Limits of a performance framework: each catalogue indicator appears at most once, and a source is a
// citation, not an essay.
const (
	// MaxIndicatorEntries bounds the work done on one request; the catalogue itself has far fewer codes.
	MaxIndicatorEntries = 100
	// MaxSourceLength (characters) fits a citation such as "IBBS 2025, Ministry of Health, table 4".
	MaxSourceLength = 300
)

// Baseline is where an indicator stands before the grant, with the source reviewers will look up.
// For a percentage, Value is in tenths of a percent and must match Numerator ÷ Denominator; for a count,
// Value is the count and Numerator and Denominator are optional (KP-4: syringes ÷ estimated PWID).
type Baseline struct {
	Value       *int64
	Numerator   *int64
	Denominator *int64
	Year        int
	Source      string
}

// Target is what an indicator should reach in one grant year, in the same units as the baseline.
type Target struct {
	Year        int
	Value       *int64
	Numerator   *int64
	Denominator *int64
}

// IndicatorEntry is one row of the performance framework: a catalogue indicator, its baseline and its
// targets by grant year.
type IndicatorEntry struct {
	Code     string
	Baseline Baseline
	Targets  []Target
}

// measure is the part that baselines and targets share.
type measure struct{ value, numerator, denominator *int64 }

// ValidateIndicators checks a performance framework for a budget's grant years and returns a
// domain.Invalid error naming every problem by path ("indicators[1].targets[0].value"), or nil.
func (c *Catalogue) ValidateIndicators(years []int, entries []IndicatorEntry) error {
	var p problemList
	if len(entries) > MaxIndicatorEntries {
		p.add("indicators", "has %d entries; the limit is %d", len(entries), MaxIndicatorEntries)
		return p.err("the performance framework has problems")
	}
	seen := map[string]bool{}
	for i := range entries {
		e := &entries[i]
		where := fmt.Sprintf("indicators[%d]", i)
		ind, ok := c.Indicator(e.Code)
		switch {
		case e.Code == "":
			p.addCoded(where+".code", domain.ProblemRequired)
		case !ok:
			p.add(where+".code", "%q is not an indicator of the catalogue", e.Code)
		case seen[e.Code]:
			p.add(where+".code", "%s is listed twice", e.Code)
		}
		seen[e.Code] = true
		checkBaseline(&p, where+".baseline", e.Baseline, years)
		checkTargets(&p, where+".targets", e.Targets, years)
		if ok {
			checkMeasures(&p, where, ind.Kind, e)
		}
	}
	return p.err("the performance framework has problems")
}

func checkBaseline(p *problemList, where string, b Baseline, years []int) {
	switch {
	case b.Year < firstYear || b.Year > lastYear:
		p.add(where+".year", "%d is not a year between %d and %d", b.Year, firstYear, lastYear)
	case len(years) > 0 && b.Year > years[0]:
		p.add(where+".year", "%d is after the first grant year %d; a baseline comes before the grant", b.Year, years[0])
	}
	p.addProblem(domain.CheckRequiredText(where+".source", b.Source, MaxSourceLength))
}

func checkTargets(p *problemList, where string, targets []Target, years []int) {
	if len(targets) == 0 {
		p.add(where, "give a target for at least one grant year")
	}
	seen := map[int]bool{}
	for j, t := range targets {
		tw := fmt.Sprintf("%s[%d].year", where, j)
		switch {
		case !slices.Contains(years, t.Year):
			p.add(tw, "%d is not a grant year of this budget %v", t.Year, years)
		case seen[t.Year]:
			p.add(tw, "%d already has a target", t.Year)
		}
		seen[t.Year] = true
	}
}

func checkMeasures(p *problemList, where string, kind IndicatorKind, e *IndicatorEntry) {
	check := checkCount
	if kind == KindPercentage {
		check = checkPercentage
	}
	b := e.Baseline
	check(p, where+".baseline", measure{b.Value, b.Numerator, b.Denominator})
	for j, t := range e.Targets {
		check(p, fmt.Sprintf("%s.targets[%d]", where, j), measure{t.Value, t.Numerator, t.Denominator})
	}
}

// checkPercentage insists on numerator and denominator: a percentage without them cannot be verified,
// and reviewers ask for both.
func checkPercentage(p *problemList, where string, m measure) {
	ok := fractionParts(p, where, m, true)
	if m.value == nil {
		p.addCoded(where+".value", domain.ProblemRequired)
		return
	}
	if *m.value < 0 || *m.value > 1000 {
		p.add(where+".value", "is %s%%; a percentage is between 0.0 and 100.0 (value is in tenths of a percent)", Tenths(*m.value))
		return
	}
	if !ok {
		return
	}
	if *m.numerator > *m.denominator {
		p.add(where+".numerator", "%d is larger than the denominator %d: a percentage cannot pass 100%%", *m.numerator, *m.denominator)
		return
	}
	want, _ := PercentTenths(*m.numerator, *m.denominator)
	if Tenths(*m.value) != want {
		p.add(where+".value", "is %s%% but %d ÷ %d is %s%% (value is in tenths of a percent: %d)",
			Tenths(*m.value), *m.numerator, *m.denominator, want, int64(want))
	}
}

// checkCount accepts a bare count, or a count that is a rounded ratio such as syringes per PWID.
func checkCount(p *problemList, where string, m measure) {
	ok := fractionParts(p, where, m, false)
	switch {
	case m.value == nil:
		p.addCoded(where+".value", domain.ProblemRequired)
	case *m.value < 0:
		p.add(where+".value", "is negative; counts are zero or more")
	case ok && m.numerator != nil:
		if want, _ := roundDiv(*m.numerator, *m.denominator, 1); *m.value != want {
			p.add(where+".value", "is %d but %d ÷ %d rounds to %d", *m.value, *m.numerator, *m.denominator, want)
		}
	}
}

// fractionParts checks numerator and denominator and reports whether both are present and usable.
func fractionParts(p *problemList, where string, m measure, required bool) bool {
	ok := true
	if m.numerator == nil && m.denominator == nil && !required {
		return false
	}
	if m.numerator == nil {
		p.add(where+".numerator", "is required with a denominator, and for every percentage")
		ok = false
	} else if *m.numerator < 0 {
		p.addCoded(where+".numerator", domain.ProblemNegative)
		ok = false
	}
	if m.denominator == nil {
		p.add(where+".denominator", "is required with a numerator, and for every percentage")
		ok = false
	} else if *m.denominator <= 0 {
		p.add(where+".denominator", "must be more than zero")
		ok = false
	}
	return ok
}
