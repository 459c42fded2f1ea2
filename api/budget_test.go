package api

import (
	"slices"
	"strings"
	"testing"
)

// sampleBudget is a small valid budget: two years in US dollars (a currency the template allows), a
// community-led line and a harm reduction line, the second with unit cost × quantity.
func sampleBudget() map[string]any {
	return map[string]any{
		"currency": "USD", "years": []int{2027, 2028},
		"lines": []map[string]any{
			{"module": "pwid-prevention", "intervention": "community-empowerment", "cost_grouping": "human-resources",
				"description": "Координатор сети ЛУИН", "amounts": []int64{12_000_00, 12_000_00}},
			{"module": "pwid-prevention", "intervention": "needle-syringe-programs", "cost_grouping": "health-products-non-pharmaceuticals",
				"description": "Шприцы для ПОШ", "amounts": []int64{30_000_00, 30_000_00}, "unit_cost": 6_00, "quantity": 10_000},
		},
	}
}

func TestBudget(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		path := "/api/v1/proposals/" + tm.id + "/budget"
		owner := tm.people["owner"].token
		empty := a.do(t, call{method: "GET", path: path, token: tm.people["viewer"].token}).want(200)
		if empty.Header().Get("ETag") != `"0"` || len(empty.json()["lines"].([]any)) != 0 {
			t.Fatalf("unsaved budget %s", empty.Body.String())
		}
		a.do(t, call{method: "PUT", path: path, token: tm.people["reviewer"].token, body: sampleBudget(), header: map[string]string{"If-Match": `"0"`}}).want(403)
		a.do(t, call{method: "PUT", path: path, token: owner, body: sampleBudget()}).want(428)
		saved := a.do(t, call{method: "PUT", path: path, token: owner, body: sampleBudget(), header: map[string]string{"If-Match": `"0"`}}).want(200)
		if saved.Header().Get("ETag") != `"1"` {
			t.Fatalf("ETag %q", saved.Header().Get("ETag"))
		}
		a.do(t, call{method: "PUT", path: path, token: owner, body: sampleBudget(), header: map[string]string{"If-Match": `"0"`}}).want(412)

		summary := a.do(t, call{method: "GET", path: path + "/summary?lang=ru", token: tm.people["viewer"].token}).want(200).json()
		if summary["total"].(float64) != 84_000_00 || summary["community_led"].(map[string]any)["percent"] != "28.6" {
			t.Fatalf("summary %v", summary)
		}
		if years := summary["by_year"].([]any); len(years) != 2 || years[0].(map[string]any)["amount"].(float64) != 42_000_00 {
			t.Fatalf("by year %v", years)
		}
		if name := summary["by_intervention"].([]any)[1].(map[string]any)["name"].(string); !strings.Contains(name, "шприц") && !strings.Contains(name, "ПОШ") && !strings.Contains(name, "игл") {
			t.Fatalf("intervention name is not Russian: %q", name)
		}
	})
}

func TestBudgetRejectsBadLines(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		path := "/api/v1/proposals/" + tm.id + "/budget"
		edit := func(f func(b map[string]any)) map[string]any {
			b := sampleBudget()
			f(b)
			return b
		}
		line := func(b map[string]any, i int) map[string]any { return b["lines"].([]map[string]any)[i] }
		tests := []struct {
			name      string
			body      any
			wantField string
		}{
			{"unknown currency", edit(func(b map[string]any) { b["currency"] = "XYZ" }), "currency"},
			{"five years", edit(func(b map[string]any) { b["years"] = []int{2027, 2028, 2029, 2030, 2031} }), "years"},
			{"negative amount", edit(func(b map[string]any) { line(b, 0)["amounts"] = []int64{-1, 5} }), "lines[0].amounts[0]"},
			{"amount per year missing", edit(func(b map[string]any) { line(b, 0)["amounts"] = []int64{5} }), "lines[0].amounts"},
			{"intervention of another module", edit(func(b map[string]any) { line(b, 1)["intervention"] = "legal-services" }), "lines[1].intervention"},
			{"unknown cost grouping", edit(func(b map[string]any) { line(b, 1)["cost_grouping"] = "snacks" }), "lines[1].cost_grouping"},
			{"unit cost times quantity disagrees", edit(func(b map[string]any) { line(b, 1)["quantity"] = 99 }), "lines[1]"},
			{"overflow", edit(func(b map[string]any) { line(b, 0)["amounts"] = []int64{1 << 62, 1 << 62} }), "lines[0]"},
			{"currency the template does not allow", edit(func(b map[string]any) { b["currency"] = "KGS" }), "currency"},
			{"allocation typed into the budget", edit(func(b map[string]any) { b["allocation_ceiling"] = 5 }), "allocation_ceiling"},
			{"fractional amount", `{"currency":"USD","years":[2027],"lines":[{"module":"pwid-prevention","intervention":"community-empowerment","cost_grouping":"human-resources","description":"x","amounts":[10.5]}]}`, "lines.amounts"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := a.do(t, call{method: "PUT", path: path, token: tm.people["owner"].token, body: tt.body, header: map[string]string{"If-Match": `"0"`}}).want(400)
				fields := r.problemFields()
				if !slices.ContainsFunc(fields, func(f string) bool { return strings.HasPrefix(f, tt.wantField) }) {
					t.Fatalf("no problem names %q: %s", tt.wantField, r.Body.String())
				}
			})
		}
	})
}

func TestIndicatorsAndGaps(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		owner := tm.people["owner"].token
		path := "/api/v1/proposals/" + tm.id + "/indicators"
		framework := map[string]any{
			"indicators": []map[string]any{{"code": "KP-1d",
				"baseline": map[string]any{"value": 412, "numerator": 4120, "denominator": 10000, "year": 2025, "source": "IBBS 2025"},
				"targets":  []map[string]any{{"year": 2027, "value": 500, "numerator": 5000, "denominator": 10000}}}},
			"gaps": []map[string]any{{"indicator": "KP-1d", "year": 2027, "need": 25000, "covered_by_others": 5000, "this_request": 12000}},
		}
		a.do(t, call{method: "PUT", path: path, token: owner, body: framework, header: map[string]string{"If-Match": `"0"`}}).want(409) // no budget yet
		a.do(t, call{method: "PUT", path: "/api/v1/proposals/" + tm.id + "/budget", token: owner, body: sampleBudget(), header: map[string]string{"If-Match": `"0"`}}).want(200)
		got := a.do(t, call{method: "PUT", path: path, token: owner, body: framework, header: map[string]string{"If-Match": `"0"`}}).want(200).json()
		gap := got["gaps"].([]any)[0].(map[string]any)
		if gap["remaining"].(float64) != 8000 || gap["total_coverage_percent"] != "68.0" || gap["remaining_percent"] != "32.0" {
			t.Fatalf("gap %v", gap)
		}
		bad := framework["indicators"].([]map[string]any)[0]["targets"].([]map[string]any)[0]
		bad["value"] = 1001 // 100.1%
		a.do(t, call{method: "PUT", path: path, token: owner, body: framework, header: map[string]string{"If-Match": `"1"`}}).want(400)

		_, warns := checkIssues(t, a, owner, tm.id)
		var codes []string
		for _, w := range warns {
			codes = append(codes, w.Code)
		}
		for _, want := range []string{"year_without_target", "intervention_without_indicator"} {
			if !slices.Contains(codes, want) {
				t.Errorf("check does not warn %s; warnings %v", want, codes)
			}
		}
	})
}

func TestCheckWarnsOfPromisesWithoutMoney(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		owner := tm.people["owner"].token
		a.do(t, call{method: "PUT", path: sectionPath(tm.id, "comprehensive-package"), token: owner,
			body: map[string]any{"fields": map[string]any{"package": []string{"nsp", "naloxone"}}}, header: map[string]string{"If-Match": `"0"`}}).want(200)
		a.do(t, call{method: "PUT", path: "/api/v1/proposals/" + tm.id + "/settings", token: owner, body: map[string]any{"currency": "USD", "allocation_amount": 1_000_00},
			header: map[string]string{"If-Match": `"0"`}}).want(200)
		a.do(t, call{method: "PUT", path: "/api/v1/proposals/" + tm.id + "/budget", token: owner, body: sampleBudget(), header: map[string]string{"If-Match": `"0"`}}).want(200)
		_, warns := checkIssues(t, a, owner, tm.id)
		naloxone := findIssue(warns, "comprehensive-package", "package", "intervention_without_budget")
		if naloxone == nil || !strings.Contains(naloxone.Message, "бюджете") {
			t.Fatalf("no Russian warning for naloxone promised without a budget line: %v", warns)
		}
		if n := countCode(warns, "intervention_without_budget"); n != 1 {
			t.Fatalf("%d promise warnings; NSP has a line, only naloxone should be reported", n)
		}
		if countCode(warns, "over_allocation") != 1 {
			t.Fatalf("no over_allocation warning: %v", warns)
		}
	})
}

func countCode(list []issue, code string) int {
	n := 0
	for _, is := range list {
		if is.Code == code {
			n++
		}
	}
	return n
}

func TestCatalogue(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		ru := a.do(t, call{method: "GET", path: "/api/v1/catalogue?lang=ru"}).want(200).json()
		if len(ru["cost_groupings"].([]any)) != 13 || len(ru["modules"].([]any)) < 3 {
			t.Fatalf("catalogue %v", ru)
		}
		name := ru["modules"].([]any)[0].(map[string]any)["name"].(string)
		if !strings.ContainsAny(name, "абвгдеёжзийклмнопрстуфхцчшщъыьэюя") {
			t.Fatalf("module name is not Russian: %q", name)
		}
		a.do(t, call{method: "GET", path: "/api/v1/catalogue?lang=xx"}).want(400)
	})
}

// A GC7 proposal is offered the GC7 modules only, and a name the project could not verify reaches the
// client labelled as this tool's summary, never as the Global Fund's wording.
func TestCatalogueByCycle(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		gc7 := a.do(t, call{method: "GET", path: "/api/v1/catalogue?cycle=gc7"}).want(200).json()
		modules := gc7["modules"].([]any)
		if len(modules) != 6 {
			t.Fatalf("gc7 has %d modules, want 6", len(modules))
		}
		for _, m := range modules {
			mod := m.(map[string]any)
			if mod["cycle"] != "gc7" {
				t.Errorf("module %v is not of the gc7 cycle", mod["key"])
			}
			if mod["confidence"] == "unsure" && !strings.HasSuffix(mod["name"].(string), "(this tool's summary)") {
				t.Errorf("unsure module name %q is not labelled as a summary", mod["name"])
			}
		}
		if len(gc7["workplan_measures"].([]any)) == 0 {
			t.Error("gc7 offers no workplan tracking measures")
		}
		old := a.do(t, call{method: "GET", path: "/api/v1/catalogue?cycle=2017-2019"}).want(200).json()
		if n := len(old["modules"].([]any)); n != 3 {
			t.Errorf("2017-2019 has %d modules, want 3", n)
		}
		if problems := a.do(t, call{method: "GET", path: "/api/v1/catalogue?cycle=gc99"}).want(400).problemFields(); len(problems) != 1 || problems[0] != "cycle" {
			t.Errorf("unknown cycle: problems %v", problems)
		}
	})
}
