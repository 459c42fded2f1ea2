package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/budget"
	"iduit/domain"
	"iduit/service"
)

// indicatorsPage is the performance framework (indicators with baselines and targets per grant year)
// and the programmatic gap table, with the gaps computed from what was saved.
type indicatorsPage struct {
	Base
	Head       proposalHead
	NoBudget   bool
	Version    int
	UpdatedAt  time.Time
	Years      []int
	Indicators []option // every catalogue indicator, "code — name"
	Coverage   []option // the coverage indicators, the only ones the gap table takes
	Rows       []indicatorRow
	GapRows    []gapRow
	Gaps       []gapView
	Problems   []problemView
	Conflict   bool
	// Chart draws one saved indicator's baseline and targets; nil before any is saved.
	Chart *indicatorChart
}

// measureInput is a value with its optional numerator and denominator, as typed.
type measureInput struct{ Value, Num, Den string }

// indicatorRow is one indicator as typed; Targets has one entry per grant year.
type indicatorRow struct {
	N                int
	Code             string
	Baseline         measureInput
	BaseYear, Source string
	Targets          []measureInput
	Error            string
}

// gapRow is one row of the gap table as typed.
type gapRow struct {
	N                                   int
	Indicator, Year, Need, Others, This string
	Error                               string
}

// gapView is a saved gap row with what remains, printed for reading.
type gapView struct {
	Indicator, Year, Need, Others, This, Remaining string
	OthersPercent, ThisPercent, RemainingPercent   string
}

// loadIndicators reads what both the page and its save start from: the proposal, the saved framework
// and the page data built around its version.
func (p *Pages) loadIndicators(c *gin.Context) (proposalHead, service.Framework, indicatorsPage, error) {
	head, err := p.loadHead(c, "indicators")
	if err != nil {
		return head, service.Framework{}, indicatorsPage{}, err
	}
	f, _, doc, err := p.svc.Framework(c.Request.Context(), mustAccess(c), head.Proposal.ID)
	if err != nil {
		return head, f, indicatorsPage{}, err
	}
	data, err := p.indicatorsData(c, head, doc)
	return head, f, data, err
}

func (p *Pages) indicatorsPage(c *gin.Context) {
	_, f, data, err := p.loadIndicators(c)
	if err != nil {
		p.fail(c, err)
		return
	}
	data.Rows, data.GapRows = storedFrameworkRows(langOf(c), p.svc.BudgetCatalogue(), data.Years, f)
	data.addBlankRows()
	data.Chart = newIndicatorChart(c, p.svc.BudgetCatalogue(), f.Indicators)
	if c.Query("saved") != "" {
		data.Flash = tr(c, "indicators.saved")
	}
	p.render(c, http.StatusOK, "indicators", data)
}

// saveIndicators is the no-JavaScript save, with the same answers as the budget page's.
func (p *Pages) saveIndicators(c *gin.Context) {
	head, _, data, err := p.loadIndicators(c)
	if err != nil {
		p.fail(c, err)
		return
	}
	_ = c.Request.ParseForm()
	lang, cat := langOf(c), p.svc.BudgetCatalogue()
	data.Rows, data.GapRows = frameworkRowsFrom(c.Request.PostForm, len(data.Years))
	version, _ := strconv.Atoi(c.Request.PostForm.Get("version"))
	in, cols, problems := parseFramework(lang, cat, data.Years, data.Rows, data.GapRows)
	status, problems, done := p.saveDocumentForm(c, head, "indicators", len(problems) == 0 || !head.Can.EditText, problems, func() error {
		_, err := p.svc.SaveFramework(c.Request.Context(), mustAccess(c), head.Proposal.ID, version, in)
		return err
	})
	if done {
		return
	}
	data.Conflict = status == http.StatusConflict
	if !data.Conflict {
		data.Version = version
	}
	data.Problems = p.attachFrameworkProblems(c, &data, cols, problems)
	data.addBlankRows()
	p.render(c, status, "indicators", data)
}

// indicatorsData fills the page around the rows: grant years, choices and the saved gaps.
func (p *Pages) indicatorsData(c *gin.Context, head proposalHead, doc domain.Document) (indicatorsPage, error) {
	lang, cat := langOf(c), p.svc.BudgetCatalogue()
	data := indicatorsPage{Base: p.base(c, tr(c, "indicators.title")+" · "+head.Proposal.Title), Head: head, Version: doc.Version, UpdatedAt: doc.UpdatedAt}
	b, bdoc, err := p.svc.Budget(c.Request.Context(), mustAccess(c), head.Proposal.ID)
	if err != nil {
		return data, err
	}
	data.NoBudget, data.Years = bdoc.Version == 0, b.Budget.Years
	for _, ind := range cat.Indicators {
		o := option{ind.Code, ind.Code + " — " + budget.Label(ind.Name, ind.Confidence, lang)}
		data.Indicators = append(data.Indicators, o)
		if ind.Type == budget.TypeCoverage {
			data.Coverage = append(data.Coverage, o)
		}
	}
	if doc.Version == 0 {
		return data, nil
	}
	_, gaps, _, err := p.svc.Framework(c.Request.Context(), mustAccess(c), head.Proposal.ID)
	for _, g := range gaps {
		n := func(v int64) string { return budget.GroupDigits(lang, strconv.FormatInt(v, 10)) }
		data.Gaps = append(data.Gaps, gapView{Indicator: g.Indicator, Year: strconv.Itoa(g.Year), Need: n(g.Need), Others: n(g.CoveredByOthers),
			This: n(g.ThisRequest), Remaining: n(g.Remaining), OthersPercent: g.CoveredByOthersPercent.Readable(lang),
			ThisPercent: g.ThisRequestPercent.Readable(lang), RemainingPercent: g.RemainingPercent.Readable(lang)})
	}
	return data, err
}

func (d *indicatorsPage) addBlankRows() {
	for i := 0; i < blankRows; i++ {
		d.Rows = append(d.Rows, indicatorRow{})
		d.GapRows = append(d.GapRows, gapRow{})
	}
	for i := range d.Rows {
		d.Rows[i].N = i
		for len(d.Rows[i].Targets) < len(d.Years) {
			d.Rows[i].Targets = append(d.Rows[i].Targets, measureInput{})
		}
	}
	for i := range d.GapRows {
		d.GapRows[i].N = i
	}
}

// storedFrameworkRows shows a saved framework in the grids; percentages are tenths ("41,2").
func storedFrameworkRows(lang string, cat *budget.Catalogue, years []int, f service.Framework) ([]indicatorRow, []gapRow) {
	var rows []indicatorRow
	for _, e := range f.Indicators {
		ind, _ := cat.Indicator(e.Code)
		pct := ind != nil && ind.Kind == budget.KindPercentage
		b := e.Baseline
		r := indicatorRow{Code: e.Code, Baseline: showMeasure(lang, pct, b.Value, b.Numerator, b.Denominator), BaseYear: strconv.Itoa(b.Year), Source: b.Source,
			Targets: make([]measureInput, len(years))}
		for _, t := range e.Targets {
			for j, y := range years {
				if y == t.Year {
					r.Targets[j] = showMeasure(lang, pct, t.Value, t.Numerator, t.Denominator)
				}
			}
		}
		rows = append(rows, r)
	}
	var gaps []gapRow
	for _, g := range f.Gaps {
		gaps = append(gaps, gapRow{Indicator: g.Indicator, Year: strconv.Itoa(g.Year), Need: strconv.FormatInt(g.Need, 10),
			Others: strconv.FormatInt(g.CoveredByOthers, 10), This: strconv.FormatInt(g.ThisRequest, 10)})
	}
	return rows, gaps
}

func showMeasure(lang string, pct bool, value, num, den *int64) measureInput {
	s := func(v *int64) string {
		if v == nil {
			return ""
		}
		return strconv.FormatInt(*v, 10)
	}
	m := measureInput{Value: s(value), Num: s(num), Den: s(den)}
	if pct && value != nil {
		m.Value = budget.Tenths(*value).Readable(lang)
	}
	return m
}

// frameworkRowsFrom reads both posted grids, dropping empty rows and rows marked for removal.
func frameworkRowsFrom(form url.Values, years int) ([]indicatorRow, []gapRow) {
	var rows []indicatorRow
	n, _ := strconv.Atoi(form.Get("rows"))
	for i := 0; i < min(n, maxGridRows); i++ {
		at := "i." + strconv.Itoa(i) + "."
		get := func(k string) string { return strings.TrimSpace(form.Get(at + k)) }
		r := indicatorRow{Code: get("code"), Baseline: measureInput{get("b.value"), get("b.num"), get("b.den")}, BaseYear: get("b.year"), Source: get("b.source")}
		typed := r.Code + r.Baseline.Value + r.Baseline.Num + r.Baseline.Den + r.BaseYear + r.Source
		for j := 0; j < years; j++ {
			t := "t" + strconv.Itoa(j) + "."
			m := measureInput{get(t + "value"), get(t + "num"), get(t + "den")}
			typed += m.Value + m.Num + m.Den
			r.Targets = append(r.Targets, m)
		}
		if typed != "" && get("remove") == "" {
			rows = append(rows, r)
		}
	}
	var gaps []gapRow
	n, _ = strconv.Atoi(form.Get("gap_rows"))
	for i := 0; i < min(n, maxGridRows); i++ {
		at := "g." + strconv.Itoa(i) + "."
		get := func(k string) string { return strings.TrimSpace(form.Get(at + k)) }
		g := gapRow{Indicator: get("indicator"), Year: get("year"), Need: get("need"), Others: get("others"), This: get("this")}
		if g.Indicator+g.Need+g.Others+g.This != "" && get("remove") == "" {
			gaps = append(gaps, g)
		}
	}
	return rows, gaps
}
