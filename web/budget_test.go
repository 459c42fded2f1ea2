package web

import (
	"net/http"
	"net/url"
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
