package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"iduit/budget"
	"iduit/domain"
)

type interventionJSON struct {
	Key          string `json:"key"`
	Name         string `json:"name"`
	Confidence   string `json:"confidence,omitempty"`
	IDUITChapter int    `json:"iduit_chapter"`
	CommunityLed bool   `json:"community_led"`
	HumanRights  bool   `json:"human_rights"`
}

type moduleJSON struct {
	Key           string             `json:"key"`
	Cycle         string             `json:"cycle"`
	Name          string             `json:"name"`
	Confidence    string             `json:"confidence,omitempty"`
	Interventions []interventionJSON `json:"interventions"`
}

type costGroupingJSON struct {
	Number int    `json:"number"`
	Key    string `json:"key"`
	Name   string `json:"name"`
}

type indicatorDefJSON struct {
	Code          string   `json:"code"`
	Name          string   `json:"name"`
	Definition    string   `json:"definition"`
	Confidence    string   `json:"confidence,omitempty"`
	Kind          string   `json:"kind"`
	Type          string   `json:"type"`
	Interventions []string `json:"interventions"`
}

type currencyJSON struct {
	Code   string `json:"code"`
	Digits int    `json:"minor_digits"`
}

type cycleJSON struct {
	Key  string `json:"key"`
	Name string `json:"name"`
}

type milestoneJSON struct {
	Quarter int    `json:"quarter"`
	Name    string `json:"name"`
}

type workplanMeasureJSON struct {
	Key          string          `json:"key"`
	Intervention string          `json:"intervention"`
	Name         string          `json:"name"`
	Confidence   string          `json:"confidence,omitempty"`
	Milestones   []milestoneJSON `json:"milestones"`
}

type catalogueResponse struct {
	Language         string                `json:"language"`
	Cycles           []cycleJSON           `json:"cycles"`
	Modules          []moduleJSON          `json:"modules"`
	WorkplanMeasures []workplanMeasureJSON `json:"workplan_measures"`
	CostGroupings    []costGroupingJSON    `json:"cost_groupings"`
	Indicators       []indicatorDefJSON    `json:"indicators"`
	Currencies       []currencyJSON        `json:"currencies"`
}

// catalogue serves the modular framework budgets and indicators are built from, in ?lang= (en default);
// ?cycle= keeps the modules of one modular-framework cycle (every cycle otherwise).
func (h *handlers) catalogue(c *gin.Context) {
	lang, err := languageFrom(c)
	if err != nil {
		writeError(c, err)
		return
	}
	if lang == "" {
		lang = "en"
	}
	cat, cycle := h.svc.BudgetCatalogue(), c.Query("cycle")
	if _, ok := cat.Cycle(cycle); cycle != "" && !ok {
		writeError(c, domain.Invalid("unknown cycle", domain.Problem{Field: "cycle", Message: "is not a cycle of the catalogue"}))
		return
	}
	respond(c, http.StatusOK, toCatalogueResponse(cat, cycle, lang))
}

// toCatalogueResponse names unsure entries as this tool's summary, never as the Global Fund's wording.
func toCatalogueResponse(cat *budget.Catalogue, cycle, lang string) catalogueResponse {
	r := catalogueResponse{Language: lang, Cycles: []cycleJSON{}, WorkplanMeasures: []workplanMeasureJSON{}}
	for _, cy := range cat.Cycles {
		if cycle == "" || cy.Key == cycle {
			r.Cycles = append(r.Cycles, cycleJSON{Key: cy.Key, Name: cy.Name.In(lang)})
		}
	}
	inCycle := map[string]bool{}
	for _, m := range cat.Modules {
		if cycle != "" && m.Cycle != cycle {
			continue
		}
		mj := moduleJSON{Key: m.Key, Cycle: m.Cycle, Name: budget.Label(m.Name, m.Confidence, lang), Confidence: string(m.Confidence)}
		for _, iv := range m.Interventions {
			inCycle[iv.Key] = true
			mj.Interventions = append(mj.Interventions, interventionJSON{Key: iv.Key, Name: budget.Label(iv.Name, iv.Confidence, lang), Confidence: string(iv.Confidence),
				IDUITChapter: iv.IDUITChapter, CommunityLed: iv.CommunityLed, HumanRights: iv.HumanRights})
		}
		r.Modules = append(r.Modules, mj)
	}
	for _, w := range cat.WorkplanMeasures {
		if !inCycle[w.Intervention] {
			continue
		}
		wj := workplanMeasureJSON{Key: w.Key, Intervention: w.Intervention, Name: budget.Label(w.Name, w.Confidence, lang), Confidence: string(w.Confidence)}
		for _, m := range w.Milestones {
			wj.Milestones = append(wj.Milestones, milestoneJSON{Quarter: m.Quarter, Name: m.Name.In(lang)})
		}
		r.WorkplanMeasures = append(r.WorkplanMeasures, wj)
	}
	for _, g := range cat.CostGroupings {
		r.CostGroupings = append(r.CostGroupings, costGroupingJSON{Number: g.Number, Key: g.Key, Name: g.Name.In(lang)})
	}
	for _, ind := range cat.Indicators {
		r.Indicators = append(r.Indicators, indicatorDefJSON{Code: ind.Code, Name: budget.Label(ind.Name, ind.Confidence, lang), Definition: ind.Definition.In(lang),
			Confidence: string(ind.Confidence),
			Kind:       string(ind.Kind), Type: string(ind.Type), Interventions: ind.Interventions})
	}
	for _, cur := range budget.Currencies() {
		r.Currencies = append(r.Currencies, currencyJSON{Code: cur.Code, Digits: cur.Digits})
	}
	return r
}
