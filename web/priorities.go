package web

import (
	"encoding/json"
	"html/template"
	"net/http"
	"regexp"
	"slices"
	"strconv"

	"github.com/gin-gonic/gin"

	"iduit/service"
)

// priorityTexts are the text members of a priority, in form order.
var priorityTexts = []string{"title", "description", "populations", "evidence", "reason"}

// prioritiesPage is the community priorities as a form, each mapped to intervention records by ticks.
type prioritiesPage struct {
	Base
	Head        proposalHead
	Version     int
	Rows        []priorityRow
	Records     []option // intervention records a priority may map to: id and a readable name
	Statuses    []string
	Languages   []string
	TextKeys    []string
	Problems    []problemView
	Conflict    bool
	NoRecordsIn bool
	// Chart draws the saved priorities' statuses; the form below lists each one.
	Chart template.HTML
}

// priorityRow is one priority as typed; Texts is field → language → text.
type priorityRow struct {
	N             int
	ID, Status    string
	Texts         map[string]map[string]string
	Interventions map[string]bool
	Errors        map[string]string
}

func (r priorityRow) empty() bool {
	if r.Status != "" || len(r.Interventions) > 0 {
		return false
	}
	return textsBlank(r.Texts)
}

func (p *Pages) prioritiesPage(c *gin.Context) {
	showDocument(p, c, "priorities", tr(c, "priorities.saved"), func(head proposalHead) (prioritiesPage, error) {
		list, doc, err := p.svc.Priorities(c.Request.Context(), mustAccess(c), head.Proposal.ID)
		if err != nil {
			return prioritiesPage{}, err
		}
		data, err := p.prioritiesData(c, head, storedPriorityRows(head, list), doc.Version)
		if err != nil {
			return data, err
		}
		data.Chart = prioritiesChart(c, list)
		return data, nil
	})
}

// savePriorities is the no-JavaScript save, in the budget page's pattern.
func (p *Pages) savePriorities(c *gin.Context) {
	head, err := p.loadHead(c, "priorities")
	if err != nil {
		p.fail(c, err)
		return
	}
	_ = c.Request.ParseForm()
	rows := priorityRowsFrom(c, textLanguages(head.Proposal))
	version, _ := strconv.Atoi(c.PostForm("version"))
	status, problems, done := p.saveDocumentForm(c, head, "priorities", true, nil, func() error {
		_, err := p.svc.SavePriorities(c.Request.Context(), mustAccess(c), head.Proposal.ID, version, parsePriorities(head, rows))
		return err
	})
	if done {
		return
	}
	data, err := p.prioritiesData(c, head, rows, version)
	if err != nil {
		p.fail(c, err)
		return
	}
	if status == http.StatusConflict {
		_, doc, _ := p.svc.Priorities(c.Request.Context(), mustAccess(c), head.Proposal.ID)
		data.Conflict, data.Version = true, doc.Version
	}
	data.Problems = p.problems(c, problems)
	placeRowProblems(data.Problems, problems, priorityPath, "p", func(row int) map[string]string {
		if row < len(data.Rows) {
			return data.Rows[row].Errors
		}
		return nil
	}, func(n int) string { return tr(c, "priorities.priority", n) })
	p.render(c, status, "priorities", data)
}

var priorityPath = regexp.MustCompile(`^priorities\[(\d+)\]\.([a-z_]+)`)

func (p *Pages) prioritiesData(c *gin.Context, head proposalHead, rows []priorityRow, version int) (prioritiesPage, error) {
	records, _, err := p.svc.Interventions(c.Request.Context(), mustAccess(c), head.Proposal.ID)
	if err != nil {
		return prioritiesPage{}, err
	}
	lang := langOf(c)
	data := prioritiesPage{Base: p.base(c, tr(c, "priorities.title")+" · "+head.Proposal.Title), Head: head, Version: version,
		Statuses: service.FundingStatuses, Languages: textLanguages(head.Proposal), TextKeys: priorityTexts, NoRecordsIn: len(records.Records) == 0}
	for _, r := range records.Records {
		name := r.Intervention
		if iv, _, ok := p.svc.BudgetCatalogue().Intervention(r.Intervention); ok {
			name = iv.Name.In(lang)
		}
		data.Records = append(data.Records, option{r.ID, name})
	}
	data.Rows = append(rows, newPriorityRow(data.Languages))
	for i := range data.Rows {
		data.Rows[i].N = i
	}
	return data, nil
}

func newPriorityRow(langs []string) priorityRow {
	return priorityRow{Texts: newTexts(priorityTexts, langs), Interventions: map[string]bool{}, Errors: map[string]string{}}
}

func storedPriorityRows(head proposalHead, list []service.Priority) []priorityRow {
	langs := textLanguages(head.Proposal)
	var rows []priorityRow
	for _, pr := range list {
		r := newPriorityRow(langs)
		r.ID, r.Status = pr.ID, pr.Status
		for _, id := range pr.Interventions {
			r.Interventions[id] = true
		}
		raws := map[string]json.RawMessage{"title": pr.Title, "description": pr.Description, "populations": pr.Populations, "evidence": pr.Evidence, "reason": pr.Reason}
		readTexts(r.Texts, head, langs, raws)
		rows = append(rows, r)
	}
	return rows
}

func priorityRowsFrom(c *gin.Context, langs []string) []priorityRow {
	n, _ := strconv.Atoi(c.PostForm("rows"))
	var rows []priorityRow
	for i := 0; i < min(n, maxRecordRows); i++ {
		at := "p." + strconv.Itoa(i) + "."
		r := newPriorityRow(langs)
		r.ID, r.Status = c.PostForm(at+"id"), c.PostForm(at+"status")
		for _, id := range c.PostFormArray(at + "interventions") {
			r.Interventions[id] = true
		}
		postedTexts(c, r.Texts, at, priorityTexts, langs)
		if c.PostForm(at+"remove") != "" || (r.empty() && r.ID == "") {
			continue
		}
		rows = append(rows, r)
	}
	return rows
}

// parsePriorities turns the typed rows into priorities; ticked records keep their ids.
func parsePriorities(head proposalHead, rows []priorityRow) []service.Priority {
	out := make([]service.Priority, len(rows))
	for i, r := range rows {
		pr := service.Priority{ID: r.ID, Status: r.Status, Interventions: []string{}}
		for id := range r.Interventions {
			pr.Interventions = append(pr.Interventions, id)
		}
		slices.Sort(pr.Interventions)
		texts := map[string]*json.RawMessage{"title": &pr.Title, "description": &pr.Description, "populations": &pr.Populations, "evidence": &pr.Evidence, "reason": &pr.Reason}
		for f, dst := range texts {
			*dst = textValue(head, r.Texts[f])
		}
		out[i] = pr
	}
	return out
}
