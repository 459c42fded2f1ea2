package web

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"iduit/budget"
	"iduit/domain"
	"iduit/service"
)

// recordTexts are the text members of an intervention record, in form order.
var recordTexts = []string{"key_activities", "priority_populations", "geographies", "barriers", "rationale", "reason"}

// maxRecordRows bounds the rows a form may claim, above the service's own limit so that it names it.
const maxRecordRows = 310

// interventionsPage is the intervention records as a form: one block per record, with its computed cost.
type interventionsPage struct {
	Base
	Head      proposalHead
	Version   int
	Rows      []recordRow
	Modules   []moduleOption
	Statuses  []string
	Languages []string
	Currency  string
	Problems  []problemView
	Conflict  bool
	// RecordTexts are the text members in form order.
	RecordTexts []string
}

// recordRow is one record as typed; Texts is field → language → text.
type recordRow struct {
	N                                                  int
	ID, Intervention, Status, Implementers, PAAR, Cost string
	Texts                                              map[string]map[string]string
	Errors                                             map[string]string
}

func (r recordRow) empty() bool {
	if r.Intervention != "" || strings.TrimSpace(r.Implementers+r.PAAR) != "" {
		return false
	}
	return textsBlank(r.Texts)
}

func (p *Pages) interventionsPage(c *gin.Context) {
	showDocument(p, c, "interventions", tr(c, "interventions.saved"), func(head proposalHead) (interventionsPage, error) {
		stored, doc, err := p.svc.Interventions(c.Request.Context(), mustAccess(c), head.Proposal.ID)
		if err != nil {
			return interventionsPage{}, err
		}
		return p.interventionsData(c, head, storedRecordRows(langOf(c), head, stored), stored.Currency, doc.Version), nil
	})
}

// saveInterventions is the no-JavaScript save, in the budget page's pattern.
func (p *Pages) saveInterventions(c *gin.Context) {
	head, err := p.loadHead(c, "interventions")
	if err != nil {
		p.fail(c, err)
		return
	}
	lang := langOf(c)
	_ = c.Request.ParseForm()
	stored, doc, err := p.svc.Interventions(c.Request.Context(), mustAccess(c), head.Proposal.ID)
	if err != nil {
		p.fail(c, err)
		return
	}
	rows := recordRowsFrom(c, textLanguages(head.Proposal))
	version, _ := strconv.Atoi(c.PostForm("version"))
	records, problems := p.parseRecords(lang, head, rows, stored.Currency)
	status, problems, done := p.saveDocumentForm(c, head, "interventions", len(problems) == 0, problems, func() error {
		_, err := p.svc.SaveInterventions(c.Request.Context(), mustAccess(c), head.Proposal.ID, version, records)
		return err
	})
	if done {
		return
	}
	data := p.interventionsData(c, head, rows, stored.Currency, version)
	if status == http.StatusConflict {
		data.Conflict, data.Version = true, doc.Version
	}
	data.Problems = p.problems(c, problems)
	placeRowProblems(data.Problems, problems, recordPath, "r", func(row int) map[string]string {
		if row < len(data.Rows) {
			return data.Rows[row].Errors
		}
		return nil
	}, func(n int) string { return tr(c, "interventions.record", n) })
	p.render(c, status, "interventions", data)
}

// recordPath reads "records[3].rationale.en" as row 3, field rationale.
var recordPath = regexp.MustCompile(`^records\[(\d+)\]\.([a-z_]+)`)

func (p *Pages) interventionsData(c *gin.Context, head proposalHead, rows []recordRow, currency string, version int) interventionsPage {
	lang := langOf(c)
	data := interventionsPage{Base: p.base(c, tr(c, "interventions.title")+" · "+head.Proposal.Title), Head: head, Version: version,
		Statuses: service.FundingStatuses, Languages: textLanguages(head.Proposal), Currency: currency, RecordTexts: recordTexts}
	for _, m := range p.svc.BudgetCatalogue().Modules {
		mo := moduleOption{option: option{m.Key, m.Name.In(lang)}}
		for _, iv := range m.Interventions {
			mo.Interventions = append(mo.Interventions, option{iv.Key, iv.Name.In(lang)})
		}
		data.Modules = append(data.Modules, mo)
	}
	data.Rows = append(rows, newRecordRow(data.Languages))
	for i := range data.Rows {
		data.Rows[i].N = i
	}
	return data
}

func newRecordRow(langs []string) recordRow {
	return recordRow{Texts: newTexts(recordTexts, langs), Errors: map[string]string{}}
}

func storedRecordRows(lang string, head proposalHead, in service.Interventions) []recordRow {
	cur, _ := budget.LookupCurrency(in.Currency)
	langs := textLanguages(head.Proposal)
	var rows []recordRow
	for i, rec := range in.Records {
		r := newRecordRow(langs)
		r.ID, r.Intervention, r.Status, r.Implementers = rec.ID, rec.Intervention, rec.FundingStatus, strings.Join(rec.Implementers, "\n")
		if rec.PAARAmount > 0 {
			r.PAAR = decimalMark(lang, cur.Format(rec.PAARAmount))
		}
		r.Cost = decimalMark(lang, cur.Format(in.Costs[i].Total))
		raws := map[string]json.RawMessage{"key_activities": rec.KeyActivities, "priority_populations": rec.PriorityPopulations,
			"geographies": rec.Geographies, "barriers": rec.Barriers, "rationale": rec.Rationale, "reason": rec.Reason}
		readTexts(r.Texts, head, langs, raws)
		rows = append(rows, r)
	}
	return rows
}

// recordRowsFrom reads the posted records, dropping empty and removed ones.
func recordRowsFrom(c *gin.Context, langs []string) []recordRow {
	n, _ := strconv.Atoi(c.PostForm("rows"))
	var rows []recordRow
	for i := 0; i < min(n, maxRecordRows); i++ {
		at := "r." + strconv.Itoa(i) + "."
		r := newRecordRow(langs)
		r.ID, r.Intervention, r.Status = c.PostForm(at+"id"), c.PostForm(at+"intervention"), c.PostForm(at+"funding_status")
		r.Implementers, r.PAAR = c.PostForm(at+"implementers"), c.PostForm(at+"paar_amount")
		postedTexts(c, r.Texts, at, recordTexts, langs)
		if c.PostForm(at+"remove") != "" || (r.empty() && r.ID == "") {
			continue
		}
		rows = append(rows, r)
	}
	return rows
}

// parseRecords turns the typed rows into records; the module is the one the intervention belongs to.
func (p *Pages) parseRecords(lang string, head proposalHead, rows []recordRow, currency string) ([]service.InterventionRecord, []domain.Problem) {
	cur, ok := budget.LookupCurrency(currency)
	if !ok {
		cur = budget.Currency{Code: currency, Digits: 2}
	}
	var problems []domain.Problem
	out := make([]service.InterventionRecord, len(rows))
	for i, r := range rows {
		rec := service.InterventionRecord{ID: r.ID, Intervention: r.Intervention, FundingStatus: r.Status, Implementers: []string{}}
		if _, module, ok := p.svc.BudgetCatalogue().Intervention(r.Intervention); ok {
			rec.Module = module
		}
		for _, line := range strings.Split(r.Implementers, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				rec.Implementers = append(rec.Implementers, line)
			}
		}
		if strings.TrimSpace(r.PAAR) != "" {
			v, err := parseMinor(lang, cur, r.PAAR)
			if err != nil {
				problems = append(problems, numberProblem("records["+strconv.Itoa(i)+"].paar_amount", err))
			}
			rec.PAARAmount = v
		}
		texts := map[string]*json.RawMessage{"key_activities": &rec.KeyActivities, "priority_populations": &rec.PriorityPopulations,
			"geographies": &rec.Geographies, "barriers": &rec.Barriers, "rationale": &rec.Rationale, "reason": &rec.Reason}
		for f, dst := range texts {
			*dst = textValue(head, r.Texts[f])
		}
		out[i] = rec
	}
	return out, problems
}

// textValue encodes typed text as the service reads it: a string in one language, an object in two;
// nothing when every language is blank.
func textValue(head proposalHead, byLang map[string]string) json.RawMessage {
	blank := true
	for _, s := range byLang {
		blank = blank && strings.TrimSpace(s) == ""
	}
	if blank {
		return nil
	}
	var v any = byLang[head.Proposal.Language]
	if head.Proposal.Bilingual {
		v = domain.TextValue{EN: byLang["en"], RU: byLang["ru"]}
	}
	raw, _ := json.Marshal(v)
	return raw
}
