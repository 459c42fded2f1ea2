package budget

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"iduit/domain"
)

// Limits of a budget. Real funding requests have hundreds of lines over three years; the caps keep one
// request from making the server check millions.
const (
	// MaxLines is ten times a large real budget.
	MaxLines = 5000
	// MaxYears is the longest Global Fund grant period plus one year of slack.
	MaxYears = 4
	// MaxDescriptionLength (characters) keeps a line a label, not a narrative; narratives have their sections.
	MaxDescriptionLength = 500
	// MaxImplementerLength (characters) is an organisation's name, as the proposal's own names are.
	MaxImplementerLength = domain.MaxNameLength
	// firstYear and lastYear bound grant years to catch typos such as 207 or 20277.
	firstYear = 2000
	lastYear  = 2100
)

// maxProblems caps the list returned to the user: past a few hundred, more names help nobody and cost
// bytes on a slow connection.
const maxProblems = 200

// Budget is the modular budget of one funding request: every line in one currency, one amount per grant year.
type Budget struct {
	// Currency is the ISO 4217 code every amount is in.
	Currency string
	// Years are the grant years in order, 1 to 4 consecutive years such as 2027, 2028, 2029.
	Years []int
	Lines []Line
}

// Line is one row of the modular template: module × intervention × cost grouping, per year.
type Line struct {
	Module       string
	Intervention string
	CostGrouping string
	// Description is what the line buys, in the proposal's language or, in a bilingual proposal, in both
	// (one is enough to save; the check reports the missing side).
	Description domain.TextValue
	// Implementer is the organisation that carries the line out (the principal or a sub-recipient), as
	// the Global Fund's detailed budget names one per line; optional, free text.
	Implementer string
	// Amounts holds one amount per grant year, in minor units of the budget's currency.
	Amounts []int64
	// UnitCost (minor units) and Quantity are optional; when both are given their product must equal
	// the line's total, which catches a sum typed wrongly into one year.
	UnitCost *int64
	Quantity *int64
}

// problemList collects problems up to maxProblems and counts the rest.
type problemList struct {
	list    []domain.Problem
	dropped int
}

func (p *problemList) add(field, format string, args ...any) {
	if len(p.list) >= maxProblems {
		p.dropped++
		return
	}
	p.list = append(p.list, domain.Problem{Field: field, Message: fmt.Sprintf(format, args...)})
}

// addCoded adds a problem with a code (domain/problems.go), which the pages say in the reader's language.
func (p *problemList) addCoded(field, code string, args ...any) {
	p.addProblem(domain.NewProblem(field, code, args...))
}

func (p *problemList) addProblem(pr *domain.Problem) {
	if pr == nil {
		return
	}
	if len(p.list) >= maxProblems {
		p.dropped++
		return
	}
	p.list = append(p.list, *pr)
}

// err returns a domain.Invalid error listing every problem, or nil when there are none.
func (p *problemList) err(message string) error {
	if len(p.list) == 0 {
		return nil
	}
	list := p.list
	if p.dropped > 0 {
		list = append(list, domain.Problem{Field: "", Message: fmt.Sprintf("and %d more problems", p.dropped)})
	}
	return domain.Invalid(message, list...)
}

// ValidateBudget checks a budget against the catalogue and returns a domain.Invalid error naming every
// problem by its path ("lines[3].amounts[1]"), or nil when the budget can be summed exactly.
func (c *Catalogue) ValidateBudget(b Budget) error {
	var p problemList
	c.checkBudget(&p, b)
	return p.err("the budget has problems")
}

func (c *Catalogue) checkBudget(p *problemList, b Budget) {
	cur, ok := LookupCurrency(b.Currency)
	switch {
	case b.Currency == "":
		p.addCoded("currency", domain.ProblemRequired)
	case !ok:
		p.add("currency", "%q is not an accepted ISO 4217 currency code", b.Currency)
	}
	checkYears(p, b.Years)
	switch {
	case len(b.Lines) == 0:
		p.add("lines", "add at least one budget line")
		return
	case len(b.Lines) > MaxLines:
		p.add("lines", "has %d lines; the limit is %d", len(b.Lines), MaxLines)
		return
	}
	var total int64
	totalOK := true
	for i := range b.Lines {
		at := linePath(i)
		lineTotal, ok := c.checkLine(p, at, &b.Lines[i], len(b.Years), cur)
		if !ok || !totalOK {
			continue
		}
		if total, totalOK = addChecked(total, lineTotal); !totalOK {
			p.add(at.field(""), "makes the budget total larger than can be stored (%d minor units)", int64(math.MaxInt64))
		}
	}
}

func checkYears(p *problemList, years []int) {
	if len(years) == 0 || len(years) > MaxYears {
		p.add("years", "has %d years; give 1 to %d consecutive grant years", len(years), MaxYears)
	}
	for i, y := range years {
		where := fmt.Sprintf("years[%d]", i)
		switch {
		case y < firstYear || y > lastYear:
			p.add(where, "%d is not a grant year between %d and %d", y, firstYear, lastYear)
		case i > 0 && y != years[i-1]+1:
			p.add(where, "is %d but must be %d: grant years are consecutive and in order", y, years[i-1]+1)
		}
	}
}

// linePath names a line in problems; paths are built only when a problem is found, so a clean budget
// costs no string allocations.
type linePath int

func (i linePath) field(name string) string { return "lines[" + strconv.Itoa(int(i)) + "]" + name }

func (i linePath) amount(j int) string {
	return i.field(".amounts[" + strconv.Itoa(j) + "]")
}

// checkLine reports the line's problems and returns its total; ok is false when the total is not known.
func (c *Catalogue) checkLine(p *problemList, at linePath, l *Line, years int, cur Currency) (int64, bool) {
	c.checkKeys(p, at, l)
	checkDescription(p, at, l.Description)
	p.addProblem(domain.CheckText(at.field(".implementer"), l.Implementer, MaxImplementerLength, false))
	if len(l.Amounts) != years {
		p.add(at.field(".amounts"), "has %d amounts; give one for each of the %d grant years", len(l.Amounts), years)
	}
	var total int64
	ok := true
	for j, a := range l.Amounts {
		if a < 0 {
			p.addCoded(at.amount(j), domain.ProblemNegativeAmount)
			ok = false
			continue
		}
		if !ok {
			continue
		}
		if total, ok = addChecked(total, a); !ok {
			p.add(at.amount(j), "makes the line total larger than can be stored")
		}
	}
	if ok {
		checkUnitCost(p, at, l, total, cur)
	}
	return total, ok
}

// checkDescription holds each language of a description to a label's length; at least one must say
// something.
func checkDescription(p *problemList, at linePath, d domain.TextValue) {
	if strings.TrimSpace(d.EN) == "" && strings.TrimSpace(d.RU) == "" {
		p.addCoded(at.field(".description"), domain.ProblemRequired)
		return
	}
	both := d.EN != "" && d.RU != "" // a one-language proposal's problem names the description as before
	for _, side := range [2][2]string{{"en", d.EN}, {"ru", d.RU}} {
		name := ".description"
		if both {
			name += "." + side[0]
		}
		if side[1] != "" {
			p.addProblem(domain.CheckText(at.field(name), side[1], MaxDescriptionLength, false))
		}
	}
}

func (c *Catalogue) checkKeys(p *problemList, at linePath, l *Line) {
	mod, modOK := c.modules[l.Module]
	switch {
	case l.Module == "":
		p.addCoded(at.field(".module"), domain.ProblemRequired)
	case !modOK:
		p.add(at.field(".module"), "%q is not a module of the catalogue", l.Module)
	}
	ref, ivOK := c.interventions[l.Intervention]
	switch {
	case l.Intervention == "":
		p.addCoded(at.field(".intervention"), domain.ProblemRequired)
	case !ivOK:
		p.add(at.field(".intervention"), "%q is not an intervention of the catalogue", l.Intervention)
	case modOK && ref.module != mod:
		p.add(at.field(".intervention"), "%q belongs to module %q, not %q", l.Intervention, c.Modules[ref.module].Key, l.Module)
	}
	if _, ok := c.costGroupings[l.CostGrouping]; !ok {
		if l.CostGrouping == "" {
			p.addCoded(at.field(".cost_grouping"), domain.ProblemRequired)
		} else {
			p.add(at.field(".cost_grouping"), "%q is not a cost grouping of the catalogue", l.CostGrouping)
		}
	}
}

func checkUnitCost(p *problemList, at linePath, l *Line, total int64, cur Currency) {
	if l.UnitCost != nil && *l.UnitCost < 0 {
		p.addCoded(at.field(".unit_cost"), domain.ProblemNegativeAmount)
		return
	}
	if l.Quantity != nil && *l.Quantity < 0 {
		p.addCoded(at.field(".quantity"), domain.ProblemNegative)
		return
	}
	if l.UnitCost == nil || l.Quantity == nil {
		return
	}
	product, ok := mulChecked(*l.UnitCost, *l.Quantity)
	switch {
	case !ok:
		p.add(at.field(".quantity"), "unit cost × quantity is larger than can be stored")
	case product != total:
		p.add(at.field(".unit_cost"), "unit cost %s × quantity %d = %s, but the yearly amounts add up to %s",
			formatAmount(cur, *l.UnitCost), *l.Quantity, formatAmount(cur, product), formatAmount(cur, total))
	}
}

// formatAmount prints minor units in the budget's currency, or the bare number when the currency is
// unknown (that is reported on its own).
func formatAmount(cur Currency, minor int64) string {
	if cur.Code == "" {
		return strconv.FormatInt(minor, 10)
	}
	return cur.Format(minor) + " " + cur.Code
}
