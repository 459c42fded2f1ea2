package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"iduit/budget"
)

type interventionJSON struct {
	Key          string `json:"key"`
	Name         string `json:"name"`
	IDUITChapter int    `json:"iduit_chapter"`
	CommunityLed bool   `json:"community_led"`
	HumanRights  bool   `json:"human_rights"`
}

type moduleJSON struct {
	Key           string             `json:"key"`
	Name          string             `json:"name"`
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
	Kind          string   `json:"kind"`
	Type          string   `json:"type"`
	Interventions []string `json:"interventions"`
}

type currencyJSON struct {
	Code   string `json:"code"`
	Digits int    `json:"minor_digits"`
}

type catalogueResponse struct {
	Language      string             `json:"language"`
	Modules       []moduleJSON       `json:"modules"`
	CostGroupings []costGroupingJSON `json:"cost_groupings"`
	Indicators    []indicatorDefJSON `json:"indicators"`
	Currencies    []currencyJSON     `json:"currencies"`
}

// catalogue serves the modular framework budgets and indicators are built from, in ?lang= (en default).
func (h *handlers) catalogue(c *gin.Context) {
	lang, err := languageFrom(c)
	if err != nil {
		writeError(c, err)
		return
	}
	if lang == "" {
		lang = "en"
	}
	respond(c, http.StatusOK, toCatalogueResponse(h.svc.BudgetCatalogue(), lang))
}

func toCatalogueResponse(cat *budget.Catalogue, lang string) catalogueResponse {
	r := catalogueResponse{Language: lang}
	for _, m := range cat.Modules {
		mj := moduleJSON{Key: m.Key, Name: m.Name.In(lang)}
		for _, iv := range m.Interventions {
			mj.Interventions = append(mj.Interventions, interventionJSON{Key: iv.Key, Name: iv.Name.In(lang), IDUITChapter: iv.IDUITChapter, CommunityLed: iv.CommunityLed, HumanRights: iv.HumanRights})
		}
		r.Modules = append(r.Modules, mj)
	}
	for _, g := range cat.CostGroupings {
		r.CostGroupings = append(r.CostGroupings, costGroupingJSON{Number: g.Number, Key: g.Key, Name: g.Name.In(lang)})
	}
	for _, ind := range cat.Indicators {
		r.Indicators = append(r.Indicators, indicatorDefJSON{Code: ind.Code, Name: ind.Name.In(lang), Definition: ind.Definition.In(lang),
			Kind: string(ind.Kind), Type: string(ind.Type), Interventions: ind.Interventions})
	}
	for _, cur := range budget.Currencies() {
		r.Currencies = append(r.Currencies, currencyJSON{Code: cur.Code, Digits: cur.Digits})
	}
	return r
}
