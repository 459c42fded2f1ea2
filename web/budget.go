package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/budget"
	"iduit/domain"
	"iduit/service"
)

// blankRows are the empty lines under a budget or framework grid: without JavaScript they are how a
// person adds lines, and an empty row is ignored on save.
const blankRows = 3

// maxGridRows bounds the rows a form may claim to carry, so that a forged "rows" cannot make the
// server loop; it is above budget.MaxLines so the service, not the page, names the limit.
const maxGridRows = budget.MaxLines + blankRows + 1

// budgetPage is the modular budget: settings, the grid of lines and the summary of what was saved.
type budgetPage struct {
	Base
	Head          proposalHead
	Version       int
	UpdatedAt     time.Time
	Form          budgetForm
	Currencies    []budget.Currency
	Modules       []moduleOption
	CostGroupings []option
	// Languages are the languages a line's description is typed in: the proposal's, or both.
	Languages []string
	// Implementers are the organisations the proposal already names (its principal recipients and the
	// intervention records' implementers), offered while typing a line's implementer.
	Implementers []string
	YearCounts   []int
	Problems     []problemView
	TopErrors    map[string]string // "currency", "years", "allocation_ceiling"
	Conflict     bool
	Summary      *summaryView
}

type option struct{ Key, Name string }

type moduleOption struct {
	option
	Interventions []option
}

// budgetForm is the budget as typed: every value kept as text so that a refused form comes back as is.
type budgetForm struct {
	Currency, StartYear, YearCount, Ceiling string
	Years                                   []int // the grid's year columns
	Rows                                    []budgetRow
}

// budgetRow is one line of the grid; N is its position in the form, which names its inputs.
type budgetRow struct {
	N                                  int
	Module, Intervention, CostGrouping string
	// Descriptions are the description by language ("en", "ru").
	Descriptions                    map[string]string
	Implementer, UnitCost, Quantity string
	Amounts                         []string
	Errors                          map[string]string // "module", "description", "description.ru", "unit_cost"…; "" for the whole line
	AmountErrors                    []string
}

func (r budgetRow) empty() bool {
	if r.Module != "" || r.Intervention != "" || r.CostGrouping != "" || strings.TrimSpace(r.Implementer+r.UnitCost+r.Quantity) != "" {
		return false
	}
	for _, d := range r.Descriptions {
		if strings.TrimSpace(d) != "" {
			return false
		}
	}
	for _, a := range r.Amounts {
		if strings.TrimSpace(a) != "" {
			return false
		}
	}
	return true
}

func (p *Pages) budgetPage(c *gin.Context) {
	showDocument(p, c, "budget", tr(c, "budget.saved"), func(head proposalHead) (budgetPage, error) {
		stored, doc, err := p.svc.Budget(c.Request.Context(), mustAccess(c), head.Proposal.ID)
		if err != nil {
			return budgetPage{}, err
		}
		return p.budgetData(c, head, storedBudgetForm(langOf(c), stored), doc)
	})
}

// saveBudget is the no-JavaScript save: redirect after success; the typed grid with each reason beside
// its cell after invalid input; the typed grid with a notice after someone else saved first.
func (p *Pages) saveBudget(c *gin.Context) {
	head, err := p.loadHead(c, "budget")
	if err != nil {
		p.fail(c, err)
		return
	}
	lang := langOf(c)
	_ = c.Request.ParseForm()
	form, version := budgetFormFrom(c.Request.PostForm, lang, head.Proposal)
	in, problems := form.parse(lang)
	// One who may not edit text still reaches the service, so that they get its refusal, not the form's. The
	// service's problems number lines as the form's rows: empty rows were dropped before numbering.
	status, problems, done := p.saveDocumentForm(c, head, "budget", len(problems) == 0 || !head.Can.EditText, problems, func() error {
		_, err := p.svc.SaveBudgetLines(c.Request.Context(), mustAccess(c), head.Proposal.ID, version, in)
		return err
	})
	if done {
		return
	}
	_, doc, err := p.svc.Budget(c.Request.Context(), mustAccess(c), head.Proposal.ID)
	if err != nil {
		p.fail(c, err)
		return
	}
	data, err := p.budgetData(c, head, form, doc)
	if err != nil {
		p.fail(c, err)
		return
	}
	if status == http.StatusConflict {
		data.Conflict = true // the form now carries the newest version: saving again replaces it, knowingly
	} else {
		data.Version = version
	}
	data.Problems, data.TopErrors = p.attachBudgetProblems(c, &data.Form, problems)
	p.render(c, status, "budget", data)
}

// budgetData fills the page around a form: the catalogue's choices in the reader's language and the
// summary of the saved budget.
func (p *Pages) budgetData(c *gin.Context, head proposalHead, form budgetForm, doc domain.Document) (budgetPage, error) {
	lang := langOf(c)
	cat := p.svc.BudgetCatalogue()
	data := budgetPage{Base: p.base(c, tr(c, "budget.title")+" · "+head.Proposal.Title), Head: head, Version: doc.Version,
		UpdatedAt: doc.UpdatedAt, Form: form, Currencies: templateCurrencies(head), YearCounts: []int{1, 2, 3, 4},
		Languages: textLanguages(head.Proposal)}
	implementers, err := p.knownImplementers(c, head)
	if err != nil {
		return data, err
	}
	data.Implementers = implementers
	for _, m := range offeredModules(cat, head.Template.BudgetCycle, form.Rows) {
		mo := moduleOption{option: option{m.Key, budget.Label(m.Name, m.Confidence, lang)}}
		for _, iv := range m.Interventions {
			mo.Interventions = append(mo.Interventions, option{iv.Key, budget.Label(iv.Name, iv.Confidence, lang)})
		}
		data.Modules = append(data.Modules, mo)
	}
	for _, g := range cat.CostGroupings {
		data.CostGroupings = append(data.CostGroupings, option{g.Key, strconv.Itoa(g.Number) + ". " + g.Name.In(lang)})
	}
	data.Form.addBlankRows()
	if doc.Version == 0 {
		return data, nil
	}
	sum, totals, err := p.svc.FundingSummary(c.Request.Context(), mustAccess(c), head.Proposal.ID)
	if err != nil {
		return data, err
	}
	stored, _, err := p.svc.Budget(c.Request.Context(), mustAccess(c), head.Proposal.ID)
	data.Summary = newSummaryView(lang, sum, stored.AllocationCeiling)
	data.Summary.Charts = newBudgetCharts(c, sum, totals)
	return data, err
}

// knownImplementers are the organisations the proposal names elsewhere, each once, in the order found:
// the settings' principal recipients, then the intervention records' implementers. A line's implementer
// stays free text (a sub-recipient may not be named anywhere yet); these are suggestions.
func (p *Pages) knownImplementers(c *gin.Context, head proposalHead) ([]string, error) {
	set, _, err := p.svc.Settings(c.Request.Context(), mustAccess(c), head.Proposal.ID)
	if err != nil {
		return nil, err
	}
	records, _, err := p.svc.Interventions(c.Request.Context(), mustAccess(c), head.Proposal.ID)
	if err != nil {
		return nil, err
	}
	var out []string
	seen := map[string]bool{}
	add := func(names []string) {
		for _, n := range names {
			if n = strings.TrimSpace(n); n != "" && !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	add(set.Settings.PrincipalRecipients)
	for _, r := range records.Records {
		add(r.Implementers)
	}
	return out, nil
}

// offeredModules lists the modules of the template's modular-framework cycle, plus any other module a
// row already uses, so that a line saved against another cycle still shows what it is.
func offeredModules(cat *budget.Catalogue, cycle string, rows []budgetRow) []budget.Module {
	used := map[string]bool{}
	for _, r := range rows {
		used[r.Module] = true
	}
	inCycle := map[string]bool{}
	for _, m := range cat.ModulesIn(cycle) {
		inCycle[m.Key] = true
	}
	var out []budget.Module
	for _, m := range cat.Modules {
		if inCycle[m.Key] || used[m.Key] {
			out = append(out, m)
		}
	}
	return out
}

// templateCurrencies are the currencies the proposal's template allows, the one list the service checks
// the budget against.
func templateCurrencies(head proposalHead) []budget.Currency {
	var out []budget.Currency
	for _, code := range head.Template.Currencies() {
		if c, ok := budget.LookupCurrency(code); ok {
			out = append(out, c)
		}
	}
	return out
}

// storedBudgetForm shows a saved budget in the form, or a start (next year, three years) when none is.
func storedBudgetForm(lang string, b service.BudgetDoc) budgetForm {
	f := budgetForm{Currency: b.Budget.Currency, Years: b.Budget.Years}
	if len(f.Years) == 0 {
		next := time.Now().Year() + 1
		f.Years = []int{next, next + 1, next + 2}
		f.Currency = "USD"
	}
	f.StartYear, f.YearCount = strconv.Itoa(f.Years[0]), strconv.Itoa(len(f.Years))
	cur, _ := budget.LookupCurrency(f.Currency)
	if b.AllocationCeiling > 0 {
		f.Ceiling = decimalMark(lang, cur.Format(b.AllocationCeiling))
	}
	for i, l := range b.Budget.Lines {
		r := budgetRow{N: i, Module: l.Module, Intervention: l.Intervention, CostGrouping: l.CostGrouping, Implementer: l.Implementer,
			Descriptions: map[string]string{"en": l.Description.EN, "ru": l.Description.RU}}
		for _, a := range l.Amounts {
			r.Amounts = append(r.Amounts, decimalMark(lang, cur.Format(a)))
		}
		if l.UnitCost != nil {
			r.UnitCost = decimalMark(lang, cur.Format(*l.UnitCost))
		}
		if l.Quantity != nil {
			r.Quantity = strconv.FormatInt(*l.Quantity, 10)
		}
		f.Rows = append(f.Rows, r)
	}
	return f
}

// addBlankRows numbers the rows afresh and appends empty ones to type new lines into.
func (f *budgetForm) addBlankRows() {
	for i := 0; i < blankRows; i++ {
		f.Rows = append(f.Rows, budgetRow{})
	}
	for i := range f.Rows {
		f.Rows[i].N = i
		for len(f.Rows[i].Amounts) < len(f.Years) {
			f.Rows[i].Amounts = append(f.Rows[i].Amounts, "")
		}
		f.Rows[i].Amounts = f.Rows[i].Amounts[:len(f.Years)]
		f.Rows[i].AmountErrors = make([]string, len(f.Years))
		if f.Rows[i].Errors == nil {
			f.Rows[i].Errors = map[string]string{}
		}
	}
}

// budgetFormFrom reads the posted grid, dropping empty and removed rows, and the version it was read at.
// A description is typed in each language of the proposal: "l.3.description" in a one-language proposal
// (as always), "l.3.description.en" and "l.3.description.ru" in a bilingual one; there a plain
// "l.3.description", from a page opened before descriptions were bilingual, is the working language's.
func budgetFormFrom(form url.Values, lang string, p domain.Proposal) (budgetForm, int) {
	langs := textLanguages(p)
	f := budgetForm{Currency: form.Get("currency"), StartYear: form.Get("start_year"), YearCount: form.Get("year_count"), Ceiling: form.Get("ceiling")}
	start, err1 := strconv.Atoi(strings.TrimSpace(f.StartYear))
	count, err2 := strconv.Atoi(f.YearCount)
	if err1 != nil || err2 != nil || count < 1 || count > budget.MaxYears {
		start, count = 0, 1 // the years are reported as a problem; one column keeps the grid readable
	}
	for y := 0; y < count; y++ {
		f.Years = append(f.Years, start+y)
	}
	rows, _ := strconv.Atoi(form.Get("rows"))
	for i := 0; i < min(rows, maxGridRows); i++ {
		at := "l." + strconv.Itoa(i) + "."
		r := budgetRow{Module: form.Get(at + "module"), Intervention: form.Get(at + "intervention"), CostGrouping: form.Get(at + "cost_grouping"),
			Implementer: form.Get(at + "implementer"), UnitCost: form.Get(at + "unit_cost"), Quantity: form.Get(at + "quantity"),
			Descriptions: map[string]string{}}
		for _, l := range langs {
			name := at + "description"
			if len(langs) > 1 {
				name += "." + l
			}
			r.Descriptions[l] = form.Get(name)
		}
		if _, typed := form[at+"description."+p.Language]; len(langs) > 1 && !typed {
			r.Descriptions[p.Language] = form.Get(at + "description")
		}
		for j := range f.Years {
			r.Amounts = append(r.Amounts, form.Get(at+"amount."+strconv.Itoa(j)))
		}
		if form.Get(at+"remove") != "" || r.empty() {
			continue
		}
		f.Rows = append(f.Rows, r)
	}
	version, _ := strconv.Atoi(form.Get("version"))
	return f, version
}

// parse turns the typed grid into a budget, line i from row i. Text that is not a number is reported
// here, by row, since the service only ever sees integers.
func (f budgetForm) parse(lang string) (service.BudgetDoc, []domain.Problem) {
	var problems []domain.Problem
	cur, ok := budget.LookupCurrency(f.Currency)
	if !ok {
		cur = budget.Currency{Code: f.Currency, Digits: 2} // the service names the unknown currency
	}
	out := service.BudgetDoc{Budget: budget.Budget{Currency: f.Currency}}
	if f.Years[0] != 0 {
		out.Budget.Years = f.Years
	} else {
		problems = append(problems, domain.Problem{Field: "years", Message: "give the first grant year and 1 to 4 years"})
	}
	if strings.TrimSpace(f.Ceiling) != "" {
		v, err := parseMinor(lang, cur, f.Ceiling)
		if err != nil {
			problems = append(problems, numberProblem("allocation_ceiling", err))
		}
		out.AllocationCeiling = v
	}
	for i, r := range f.Rows {
		l := budget.Line{Module: r.Module, Intervention: r.Intervention, CostGrouping: r.CostGrouping, Implementer: strings.TrimSpace(r.Implementer),
			Description: domain.TextValue{EN: strings.TrimSpace(r.Descriptions["en"]), RU: strings.TrimSpace(r.Descriptions["ru"])}}
		at := linePrefix(i)
		for j, a := range r.Amounts {
			var v int64
			var err error
			if strings.TrimSpace(a) != "" {
				v, err = parseMinor(lang, cur, a)
			}
			if err != nil {
				problems = append(problems, numberProblem(at+".amounts["+strconv.Itoa(j)+"]", err))
			}
			l.Amounts = append(l.Amounts, v)
		}
		l.UnitCost = optionalNumber(&problems, at+".unit_cost", r.UnitCost, func(s string) (int64, error) { return parseMinor(lang, cur, s) })
		l.Quantity = optionalNumber(&problems, at+".quantity", r.Quantity, func(s string) (int64, error) { return parseCount(lang, s) })
		out.Budget.Lines = append(out.Budget.Lines, l)
	}
	return out, problems
}

func linePrefix(i int) string { return "lines[" + strconv.Itoa(i) + "]" }

func optionalNumber(problems *[]domain.Problem, field, s string, parse func(string) (int64, error)) *int64 {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	v, err := parse(s)
	if err != nil {
		*problems = append(*problems, numberProblem(field, err))
		return nil
	}
	return &v
}

func numberProblem(field string, err error) domain.Problem {
	if err == errNegative {
		return *domain.NewProblem(field, domain.ProblemNegativeAmount)
	}
	return *domain.NewProblem(field, domain.ProblemNotNumberSuchAs)
}

var cellPath = regexp.MustCompile(`^lines\[(\d+)\](?:\.([a-z_]+)(?:\[(\d+)\])?(?:\.(en|ru))?)?$`)

// attachBudgetProblems puts each problem beside its cell (lines are numbered as form rows by now) and
// links the list at the top to it.
func (p *Pages) attachBudgetProblems(c *gin.Context, f *budgetForm, problems []domain.Problem) ([]problemView, map[string]string) {
	views := p.problems(c, problems)
	top := map[string]string{}
	for i, pr := range problems {
		m := cellPath.FindStringSubmatch(pr.Field)
		if m == nil {
			field, _, _ := strings.Cut(pr.Field, "[")
			top[field] = views[i].Message
			views[i].Anchor = "b-" + field
			views[i].Message = budgetFieldLabel(c, field) + ": " + views[i].Message
			continue
		}
		row, _ := strconv.Atoi(m[1])
		if row >= len(f.Rows) {
			continue
		}
		r := &f.Rows[row]
		views[i].Anchor = "l" + m[1]
		views[i].Message = tr(c, "budget.line", row+1) + ": " + views[i].Message
		switch col, _ := strconv.Atoi(m[3]); {
		case m[2] == "amounts" && m[3] != "" && col < len(r.AmountErrors):
			r.AmountErrors[col] = views[i].Message
			views[i].Anchor += "-y" + m[3]
		case m[2] == "" || m[2] == "amounts":
			r.Errors[""] = views[i].Message
		case m[4] != "": // one language of a description
			r.Errors[m[2]+"."+m[4]] = views[i].Message
			views[i].Anchor += "-" + m[2] + "-" + m[4]
		default:
			r.Errors[m[2]] = views[i].Message
			views[i].Anchor += "-" + m[2]
		}
	}
	return views, top
}

// budgetFieldLabel names a budget field a problem is about; a field without a label of its own is shown
// by its name rather than by a message key.
func budgetFieldLabel(c *gin.Context, field string) string {
	if _, ok := catalogue["budget.field."+field]; ok {
		return tr(c, "budget.field."+field)
	}
	return field
}
