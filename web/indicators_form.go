package web

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"iduit/budget"
	"iduit/domain"
	"iduit/service"
)

// parseFramework turns the typed grids into a framework, indicator i from row i and gap i from gap row i.
// A percentage typed only as numerator and denominator gets its value computed, as the service wants the
// three to agree. cols[i][k] is the year column of row i's k-th target, to name problems by year.
func parseFramework(lang string, cat *budget.Catalogue, years []int, rows []indicatorRow, gaps []gapRow) (service.Framework, [][]int, []domain.Problem) {
	var problems []domain.Problem
	bad := func(field string, err error) {
		problems = append(problems, numberProblem(field, err))
	}
	f := service.Framework{Indicators: []budget.IndicatorEntry{}, Gaps: []budget.GapRow{}}
	cols := make([][]int, len(rows))
	for i, r := range rows {
		at := "indicators[" + strconv.Itoa(i) + "]"
		ind, _ := cat.Indicator(r.Code)
		pct := ind != nil && ind.Kind == budget.KindPercentage
		e := budget.IndicatorEntry{Code: r.Code, Targets: []budget.Target{}}
		e.Baseline.Value, e.Baseline.Numerator, e.Baseline.Denominator = parseMeasure(lang, pct, r.Baseline, at+".baseline", bad)
		e.Baseline.Source = r.Source
		if r.BaseYear != "" {
			y, err := parseCount(lang, r.BaseYear)
			if err != nil {
				bad(at+".baseline.year", err)
			}
			e.Baseline.Year = int(y)
		}
		for j, m := range r.Targets {
			if j >= len(years) || m.Value+m.Num+m.Den == "" {
				continue
			}
			t := budget.Target{Year: years[j]}
			t.Value, t.Numerator, t.Denominator = parseMeasure(lang, pct, m, at+".targets["+strconv.Itoa(len(e.Targets))+"]", bad)
			e.Targets = append(e.Targets, t)
			cols[i] = append(cols[i], j)
		}
		f.Indicators = append(f.Indicators, e)
	}
	for i, g := range gaps {
		at := "gaps[" + strconv.Itoa(i) + "]"
		row := budget.GapRow{Indicator: g.Indicator}
		y, _ := strconv.Atoi(g.Year)
		row.Year = y
		for _, n := range []struct {
			field, text string
			into        *int64
		}{{".need", g.Need, &row.Need}, {".covered_by_others", g.Others, &row.CoveredByOthers}, {".this_request", g.This, &row.ThisRequest}} {
			if n.text == "" {
				continue
			}
			v, err := parseCount(lang, n.text)
			if err != nil {
				bad(at+n.field, err)
			}
			*n.into = v
		}
		f.Gaps = append(f.Gaps, row)
	}
	return f, cols, problems
}

func parseMeasure(lang string, pct bool, m measureInput, where string, bad func(string, error)) (value, num, den *int64) {
	count := func(field, s string) *int64 {
		if s == "" {
			return nil
		}
		v, err := parseCount(lang, s)
		if err != nil {
			bad(where+field, err)
			return nil
		}
		return &v
	}
	num, den = count(".numerator", m.Num), count(".denominator", m.Den)
	switch {
	case m.Value == "" && pct && num != nil && den != nil:
		if t, ok := budget.PercentTenths(*num, *den); ok {
			v := int64(t)
			value = &v
		}
	case m.Value == "":
	case pct:
		v, err := parsePercentTenths(lang, m.Value)
		if err != nil {
			bad(where+".value", err)
			return nil, num, den
		}
		value = &v
	default:
		value = count(".value", m.Value)
	}
	return value, num, den
}

var (
	indicatorPath = regexp.MustCompile(`^indicators\[(\d+)\]\.?(?:targets\[(\d+)\])?\.?(.*)$`)
	gapPath       = regexp.MustCompile(`^gaps\[(\d+)\]\.?(.*)$`)
)

// attachFrameworkProblems puts each problem under its row, named by column and grant year.
func (p *Pages) attachFrameworkProblems(c *gin.Context, d *indicatorsPage, cols [][]int, problems []domain.Problem) []problemView {
	views := p.problems(c, problems)
	for i, pr := range problems {
		if m := indicatorPath.FindStringSubmatch(pr.Field); m != nil {
			row, _ := strconv.Atoi(m[1])
			if row >= len(d.Rows) {
				continue
			}
			label := frameworkLabel(c, m[3])
			if m[2] != "" {
				k, _ := strconv.Atoi(m[2])
				if row < len(cols) && k < len(cols[row]) {
					label = tr(c, "indicators.target_in", d.Years[cols[row][k]]) + ", " + frameworkLabel(c, m[3])
				}
			} else if strings.HasPrefix(m[3], "baseline.") {
				label = tr(c, "indicators.baseline") + ", " + frameworkLabel(c, strings.TrimPrefix(m[3], "baseline."))
			}
			views[i].Message = tr(c, "indicators.row", row+1) + " — " + label + ": " + views[i].Message
			views[i].Anchor = "i" + m[1]
			d.Rows[row].Error = joinProblem(d.Rows[row].Error, views[i].Message)
		} else if m := gapPath.FindStringSubmatch(pr.Field); m != nil {
			row, _ := strconv.Atoi(m[1])
			if row >= len(d.GapRows) {
				continue
			}
			views[i].Message = tr(c, "gaps.row", row+1) + " — " + frameworkLabel(c, m[2]) + ": " + views[i].Message
			views[i].Anchor = "g" + m[1]
			d.GapRows[row].Error = joinProblem(d.GapRows[row].Error, views[i].Message)
		}
	}
	return views
}

func frameworkLabel(c *gin.Context, part string) string {
	if _, ok := catalogue["indicators.part."+part]; ok {
		return tr(c, "indicators.part."+part)
	}
	return part
}

func joinProblem(have, more string) string {
	if have == "" {
		return more
	}
	return have + "; " + more
}

// measureArgs is what the "measure" partial needs: a value with its numerator and denominator inputs.
type measureArgs struct {
	Name, ID, Label string
	M               measureInput
	Edit            bool
}

func newMeasureArgs(name, id, label string, m measureInput, edit bool) measureArgs {
	return measureArgs{Name: name, ID: id, Label: label, M: m, Edit: edit}
}
