package api

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"

	"iduit/budget"
	"iduit/domain"
	"iduit/export"
	"iduit/service"
)

// budgetLineJSON is one line; its description is a text value (a string, or {"en", "ru"} in a bilingual
// proposal) and its implementer the organisation that carries it out.
type budgetLineJSON struct {
	Module       string          `json:"module"`
	Intervention string          `json:"intervention"`
	CostGrouping string          `json:"cost_grouping"`
	Description  json.RawMessage `json:"description"`
	Implementer  string          `json:"implementer,omitempty"`
	Amounts      []int64         `json:"amounts"`
	UnitCost     *int64          `json:"unit_cost,omitempty"`
	Quantity     *int64          `json:"quantity,omitempty"`
}

// budgetRequest is a whole budget; amounts are integers in the currency's minor units (cents, tyiyn).
type budgetRequest struct {
	Currency          string           `json:"currency"`
	Years             []int            `json:"years"`
	AllocationCeiling int64            `json:"allocation_ceiling"`
	Lines             []budgetLineJSON `json:"lines"`
	echoedMeta
}

type budgetResponse struct {
	documentMeta
	Currency          string           `json:"currency"`
	Years             []int            `json:"years"`
	AllocationCeiling int64            `json:"allocation_ceiling"`
	Lines             []budgetLineJSON `json:"lines"`
}

func toBudgetResponse(b service.BudgetDoc, doc domain.Document) budgetResponse {
	r := budgetResponse{documentMeta: toDocumentMeta(doc), Currency: b.Budget.Currency, Years: b.Budget.Years, AllocationCeiling: b.AllocationCeiling,
		Lines: make([]budgetLineJSON, len(b.Budget.Lines))}
	for i, l := range b.StoredLines() {
		r.Lines[i] = budgetLineJSON(l)
	}
	if r.Years == nil {
		r.Years = []int{}
	}
	return r
}

func fromBudgetRequest(req budgetRequest) service.SentBudget {
	in := service.SentBudget{Currency: req.Currency, Years: req.Years, AllocationCeiling: req.AllocationCeiling, Lines: make([]export.BudgetLine, len(req.Lines))}
	for i, l := range req.Lines {
		in.Lines[i] = export.BudgetLine(l)
	}
	return in
}

type shareJSON struct {
	Amount  int64  `json:"amount"`
	Percent string `json:"percent"`
}

func toShare(s budget.Share) shareJSON {
	return shareJSON{Amount: s.Amount, Percent: s.Percent.String()}
}

type summaryRowJSON struct {
	Key          string `json:"key"`
	Label        string `json:"name"`
	Module       string `json:"module,omitempty"`
	IDUITChapter int    `json:"iduit_chapter,omitempty"`
	Number       int    `json:"number,omitempty"`
	shareJSON
}

type budgetSummaryResponse struct {
	Currency       string           `json:"currency"`
	Total          int64            `json:"total"`
	ByYear         []yearTotalJSON  `json:"by_year"`
	ByModule       []summaryRowJSON `json:"by_module"`
	ByIntervention []summaryRowJSON `json:"by_intervention"`
	ByCostGrouping []summaryRowJSON `json:"by_cost_grouping"`
	CommunityLed   shareJSON        `json:"community_led"`
	HumanRights    shareJSON        `json:"human_rights"`
	// The request's computed totals (one source of truth: budget, PAAR amounts and settings).
	AllocationAmount int64 `json:"allocation_amount"`
	AboveAllocation  int64 `json:"above_allocation"`
	OverAllocation   int64 `json:"over_allocation"`
}

type yearTotalJSON struct {
	Year   int   `json:"year"`
	Amount int64 `json:"amount"`
}

func toSummaryResponse(s budget.Summary, t service.RequestTotals, lang string) budgetSummaryResponse {
	r := budgetSummaryResponse{Currency: t.Currency, Total: s.Total, CommunityLed: toShare(t.CommunityLed), HumanRights: toShare(t.HumanRights),
		AllocationAmount: t.AllocationAmount, AboveAllocation: t.AboveAllocation, OverAllocation: t.OverAllocation,
		ByYear: []yearTotalJSON{}, ByModule: []summaryRowJSON{}, ByIntervention: []summaryRowJSON{}, ByCostGrouping: []summaryRowJSON{}}
	for _, y := range s.ByYear {
		r.ByYear = append(r.ByYear, yearTotalJSON(y))
	}
	for _, m := range s.ByModule {
		r.ByModule = append(r.ByModule, summaryRowJSON{Key: m.Key, Label: m.Name.In(lang), shareJSON: toShare(m.Share)})
	}
	for _, iv := range s.ByIntervention {
		r.ByIntervention = append(r.ByIntervention, summaryRowJSON{Key: iv.Key, Label: iv.Name.In(lang), Module: iv.Module, IDUITChapter: iv.IDUITChapter, shareJSON: toShare(iv.Share)})
	}
	for _, g := range s.ByCostGrouping {
		r.ByCostGrouping = append(r.ByCostGrouping, summaryRowJSON{Key: g.Key, Label: g.Name.In(lang), Number: g.Number, shareJSON: toShare(g.Share)})
	}
	return r
}

// budgetSummary totals the budget, with the request's computed totals; names are in ?lang= (en by default).
func (h *handlers) budgetSummary(c *gin.Context) {
	lang, err := languageFrom(c)
	if err != nil {
		writeError(c, err)
		return
	}
	s, totals, err := h.svc.FundingSummary(c.Request.Context(), currentAccess(c), c.Param("id"))
	if err != nil {
		writeError(c, err)
		return
	}
	respond(c, http.StatusOK, toSummaryResponse(s, totals, lang))
}
