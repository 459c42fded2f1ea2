package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// budgetPost is a no-JavaScript post of the budget page: two lines over two years plus one empty row.
func budgetPost(version string) url.Values {
	return url.Values{
		"version": {version}, "rows": {"3"}, "currency": {"USD"}, "start_year": {"2027"}, "year_count": {"2"}, "ceiling": {""},
		"l.0.module": {"pwid-prevention"}, "l.0.intervention": {"needle-syringe-programs"}, "l.0.cost_grouping": {"human-resources"},
		"l.0.description": {"Outreach workers"}, "l.0.amount.0": {"30 000,00"}, "l.0.amount.1": {"12000.5"},
		"l.1.module": {"pwid-prevention"}, "l.1.intervention": {"community-empowerment"}, "l.1.cost_grouping": {"travel-related-costs"},
		"l.1.description": {"Peer trainings"}, "l.1.amount.0": {"20\u00a0000"}, "l.1.amount.1": {"21 999,50"},
	}
}

// addMemberAs signs a new person up and gives them a role on the proposal.
func addMemberAs(s *testSite, owner *visitor, id, name, role string) *visitor {
	v := s.visitor()
	email := v.signUp(name)
	owner.get("/proposals/" + id + "/members")
	if p := owner.post("/proposals/"+id+"/members", url.Values{"email": {email}, "role": {role}}); p.Status != http.StatusSeeOther {
		owner.t.Fatalf("add %s: %d", role, p.Status)
	}
	return v
}

func TestBudgetPage(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		owner := s.visitor()
		owner.signUp("Aida Owner")
		id := owner.createProposal("Бюджет", "ru", false)
		viewer := addMemberAs(s, owner, id, "Vera Viewer", "viewer")
		path := "/proposals/" + id + "/budget"

		p := viewer.get(path)
		if p.Status != http.StatusOK || strings.Contains(p.Body, `id="save-button"`) {
			t.Fatalf("viewer: %d, save button shown: %v", p.Status, strings.Contains(p.Body, `id="save-button"`))
		}
		if p := viewer.post(path, budgetPost("0")); p.Status != http.StatusForbidden {
			t.Errorf("a viewer's save: %d, want 403", p.Status)
		}

		overview := owner.get("/proposals/" + id)
		if !strings.Contains(overview.Body, `href="`+path+`"`) {
			t.Error("the overview does not link the budget page")
		}
		owner.post("/lang", url.Values{"lang": {"ru"}, "next": {path}})
		p = owner.get(path)
		if p.Status != http.StatusOK || !strings.Contains(p.Body, `id="save-button"`) {
			t.Fatalf("owner: %d, no save button", p.Status)
		}
		if p = owner.post(path, budgetPost("0")); p.Status != http.StatusSeeOther {
			t.Fatalf("save: %d\n%s", p.Status, p.Body)
		}
		p = owner.get(p.Location)
		// 30 000 + 12 000.50 + 20 000 + 21 999.50 = 84 000.00
		for _, want := range []string{"Outreach workers", "Peer trainings", `value="12000,50"`, "84\u00a0000,00", "Бюджет сохранен."} {
			if !strings.Contains(p.Body, want) {
				t.Errorf("after saving, the page lacks %q", want)
			}
		}

		bad := budgetPost("1")
		bad.Set("l.1.amount.0", "abc")
		bad.Set("l.0.amount.1", "-5")
		p = owner.post(path, bad)
		if p.Status != http.StatusBadRequest {
			t.Fatalf("invalid amounts: %d", p.Status)
		}
		for _, want := range []string{`value="abc"`, `value="-5"`, `id="l1-y0" name="l.1.amount.0" value="abc" inputmode="decimal" aria-labelledby="c-y0 r1" aria-invalid="true"`, "Строка 2:", "Строка 1:"} {
			if !strings.Contains(p.Body, want) {
				t.Errorf("the refused form lacks %q", want)
			}
		}

		stale := budgetPost("0")
		stale.Set("l.0.description", "My newer outreach")
		p = owner.post(path, stale)
		if p.Status != http.StatusConflict || !strings.Contains(p.Body, `id="conflict"`) || !strings.Contains(p.Body, "My newer outreach") {
			t.Errorf("stale save: %d, conflict shown %v", p.Status, strings.Contains(p.Body, `id="conflict"`))
		}
	})
}

func TestIndicatorsPage(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		owner := s.visitor()
		owner.signUp("Aida Owner")
		id := owner.createProposal("Indicators", "en", false)
		path := "/proposals/" + id + "/indicators"
		p := owner.get(path)
		if p.Status != http.StatusOK || !strings.Contains(p.Body, "save the budget first") || !strings.Contains(p.Body, `href="/proposals/`+id+`/budget"`) {
			t.Fatalf("before a budget: %d\n%s", p.Status, p.Body)
		}
		owner.get("/proposals/" + id + "/budget")
		if p := owner.post("/proposals/"+id+"/budget", budgetPost("0")); p.Status != http.StatusSeeOther {
			t.Fatalf("budget save: %d", p.Status)
		}
		owner.get(path)
		form := url.Values{"version": {"0"}, "rows": {"2"}, "gap_rows": {"2"},
			"i.0.code": {"KP-1d"}, "i.0.b.num": {"412"}, "i.0.b.den": {"1000"}, "i.0.b.year": {"2025"}, "i.0.b.source": {"IBBS 2025"},
			"i.0.t1.value": {"55,5"}, "i.0.t1.num": {"555"}, "i.0.t1.den": {"1000"},
			"g.0.indicator": {"KP-4"}, "g.0.year": {"2028"}, "g.0.need": {"1 000 000"}, "g.0.others": {"300000"}, "g.0.this": {"500 000"},
			"g.1.year": {"2027"}}
		p = owner.post(path, form)
		if p.Status != http.StatusSeeOther {
			t.Fatalf("save: %d\n%s", p.Status, p.Body)
		}
		p = owner.get(p.Location)
		// The chart of the one indicator: its baseline and its first year's target, on a 0–100 % scale.
		for _, want := range []string{`value="41.2"`, `value="55.5"`, "IBBS 2025", "200,000 (20.0%)", `id="chart-indicator"`,
			"Baseline 2025 — 41.2\u00a0%; Target 2028 — 55.5\u00a0%", `<option value="KP-1d" selected>`} {
			if !strings.Contains(p.Body, want) {
				t.Errorf("after saving, the page lacks %q %s", want, regexp.MustCompile(`<desc.*?</desc>`).FindString(p.Body))
			}
		}
		form.Set("version", "1")
		form.Set("g.0.this", "800000")
		p = owner.post(path, form)
		if p.Status != http.StatusBadRequest || !strings.Contains(p.Body, "Gap line 1") || !strings.Contains(p.Body, `value="800000"`) {
			t.Errorf("coverage above the need: %d", p.Status)
		}
	})
}
