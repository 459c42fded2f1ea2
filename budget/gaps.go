package budget

import (
	"fmt"
	"slices"

	"iduit/domain"
)

// GapRow is one row of the programmatic gap table as a network fills it in: for one coverage indicator
// and grant year, how many need the service, how many others will reach, and how many this request will.
// The unit is the indicator's: people for KP-1d, syringes for KP-4.
type GapRow struct {
	Indicator       string
	Year            int
	Need            int64
	CoveredByOthers int64
	ThisRequest     int64
}

// Gap is a row with what is still not covered and each part as a share of the need. Each percentage is
// rounded half up from its own exact fraction, so the rounded parts may add up to 99.9 or 100.1.
type Gap struct {
	GapRow
	Remaining              int64
	CoveredByOthersPercent Tenths
	ThisRequestPercent     Tenths
	TotalCoveragePercent   Tenths
	RemainingPercent       Tenths
}

// ProgrammaticGaps checks the gap table and computes the remaining gap of each row. Coverage above the
// need is a problem, not a negative gap: it usually means the need estimate and the targets disagree.
func (c *Catalogue) ProgrammaticGaps(years []int, rows []GapRow) ([]Gap, error) {
	return c.programmaticGaps(years, rows, false)
}

// SavedProgrammaticGaps computes a gap table that was valid when it was saved: rows of an indicator the
// catalogue has since moved out of coverage (KP-5) still compute, so an old proposal keeps opening and
// importing; saving it again asks for the row to go.
func (c *Catalogue) SavedProgrammaticGaps(years []int, rows []GapRow) ([]Gap, error) {
	return c.programmaticGaps(years, rows, true)
}

func (c *Catalogue) programmaticGaps(years []int, rows []GapRow, saved bool) ([]Gap, error) {
	var p problemList
	if len(rows) > MaxIndicatorEntries {
		p.add("gaps", "has %d rows; the limit is %d", len(rows), MaxIndicatorEntries)
		return nil, p.err("the programmatic gap table has problems")
	}
	type rowKey struct {
		code string
		year int
	}
	seen := map[rowKey]bool{}
	out := make([]Gap, 0, len(rows))
	for i, r := range rows {
		where := fmt.Sprintf("gaps[%d]", i)
		c.checkGapIndicator(&p, where, r.Indicator, saved)
		switch {
		case !slices.Contains(years, r.Year):
			p.add(where+".year", "%d is not a grant year of this budget %v", r.Year, years)
		case seen[rowKey{r.Indicator, r.Year}]:
			p.add(where+".year", "%s already has a row for %d", r.Indicator, r.Year)
		}
		seen[rowKey{r.Indicator, r.Year}] = true
		if g, ok := gap(&p, where, r); ok {
			out = append(out, g)
		}
	}
	if err := p.err("the programmatic gap table has problems"); err != nil {
		return nil, err
	}
	return out, nil
}

func (c *Catalogue) checkGapIndicator(p *problemList, where, code string, saved bool) {
	ind, ok := c.Indicator(code)
	switch {
	case code == "":
		p.addCoded(where+".indicator", domain.ProblemRequired)
	case !ok:
		p.add(where+".indicator", "%q is not an indicator of the catalogue", code)
	case saved && ind.ReclassifiedFrom == TypeCoverage:
		// Valid when saved; see SavedProgrammaticGaps.
	case ind.Type != TypeCoverage:
		p.add(where+".indicator", "%s is an %s indicator; the gap table is for coverage indicators", code, ind.Type)
	}
}

func gap(p *problemList, where string, r GapRow) (Gap, bool) {
	ok := true
	if r.Need <= 0 {
		p.add(where+".need", "must be more than zero")
		ok = false
	}
	if r.CoveredByOthers < 0 {
		p.addCoded(where+".covered_by_others", domain.ProblemNegative)
		ok = false
	}
	if r.ThisRequest < 0 {
		p.addCoded(where+".this_request", domain.ProblemNegative)
		ok = false
	}
	if !ok {
		return Gap{}, false
	}
	covered, fits := addChecked(r.CoveredByOthers, r.ThisRequest)
	switch {
	case r.CoveredByOthers > r.Need:
		p.add(where+".covered_by_others", "%d is more than the need %d", r.CoveredByOthers, r.Need)
		return Gap{}, false
	case !fits || covered > r.Need:
		p.add(where+".this_request", "covers more than the need: others %d + this request %d > need %d",
			r.CoveredByOthers, r.ThisRequest, r.Need)
		return Gap{}, false
	}
	g := Gap{GapRow: r, Remaining: r.Need - covered}
	// Every part is between 0 and the need, so none of these can fail.
	g.CoveredByOthersPercent, _ = PercentTenths(r.CoveredByOthers, r.Need)
	g.ThisRequestPercent, _ = PercentTenths(r.ThisRequest, r.Need)
	g.TotalCoveragePercent, _ = PercentTenths(covered, r.Need)
	g.RemainingPercent, _ = PercentTenths(g.Remaining, r.Need)
	return g, true
}
