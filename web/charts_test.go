package web

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"iduit/budget"
	"iduit/service"
)

// svgFigures reads the bold texts of one chart on a page: the figures printed on its bars (and its
// target label), in order.
func svgFigures(t *testing.T, body, id string) []string {
	t.Helper()
	m := regexp.MustCompile(`(?s)<svg[^>]* id="` + id + `"[^>]*>(.*?)</svg>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no chart %s on the page", id)
	}
	var out []string
	for _, f := range regexp.MustCompile(`<text [^>]*font-weight="600"[^>]*>([^<]*)</text>`).FindAllStringSubmatch(m[1], -1) {
		out = append(out, html.UnescapeString(f[1]))
	}
	return out
}

// TestBudgetChartsShowTheSummary holds the figures printed on the budget page's bars to the budget
// summary and the request's totals, to the cent: the charts and the tables are one source of truth.
func TestBudgetChartsShowTheSummary(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) { budgetChartsShowTheSummary(t, s) })
}

func budgetChartsShowTheSummary(t *testing.T, s *testSite) {
	owner := s.visitor()
	email := owner.signUp("Aida Owner")
	id := owner.createProposal("Бюджет", "ru", false)
	owner.post("/lang", url.Values{"lang": {"ru"}, "next": {"/proposals"}})
	base := "/proposals/" + id
	owner.get(base + "/settings")
	set := settingsPost("0")
	set.Set("allocation_amount", "80 000")
	set.Set("target_share_percent", "30")
	if p := owner.post(base+"/settings", set); p.Status != http.StatusSeeOther {
		t.Fatalf("settings: %d\n%s", p.Status, p.Body)
	}
	owner.get(base + "/budget")
	if p := owner.post(base+"/budget", budgetPost("0")); p.Status != http.StatusSeeOther {
		t.Fatalf("budget: %d\n%s", p.Status, p.Body)
	}
	owner.get(base + "/interventions")
	if p := owner.post(base+"/interventions", recordPost("0")); p.Status != http.StatusSeeOther {
		t.Fatalf("records: %d\n%s", p.Status, p.Body)
	}
	page := owner.get(base + "/budget")

	sum, totals, err := s.svc.FundingSummary(t.Context(), service.AccessOf(userByEmail(t, s, email)), id)
	if err != nil {
		t.Fatal(err)
	}
	cur, _ := budget.LookupCurrency("USD")
	money := func(v int64) string { return cur.Readable(v, "ru") + "\u00a0USD" }
	bar := func(amount int64, p budget.Tenths) string {
		return money(amount) + " · " + p.Readable("ru") + "\u00a0%"
	}
	var modules, groupings []string
	for _, m := range sum.ByModule {
		modules = append(modules, bar(m.Amount, m.Percent))
	}
	for _, g := range sum.ByCostGrouping {
		groupings = append(groupings, bar(g.Amount, g.Percent))
	}
	// 84 000.00 in the budget, 1 500.25 above the allocation of 80 000.00: 98.2 % and 1.8 % of the request.
	for _, c := range []struct {
		id   string
		want []string
	}{
		{"chart-module", modules},
		{"chart-grouping", groupings},
		{"chart-funding", []string{"Аллокация: " + money(totals.AllocationAmount), bar(totals.WithinAllocation, 982), bar(totals.AboveAllocation, 18)}},
		{"chart-shares", []string{"Цель: 30\u00a0%", bar(totals.CommunityLed.Amount, totals.CommunityLed.Percent), bar(totals.HumanRights.Amount, totals.HumanRights.Percent)}},
	} {
		if got := svgFigures(t, page.Body, c.id); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: bars read %q, the summary says %q", c.id, got, c.want)
		}
	}
	if money(totals.WithinAllocation) != "84\u00a0000,00\u00a0USD" || totals.AboveAllocation != 150025 || len(modules) != 1 || len(groupings) != 2 {
		t.Errorf("unexpected sample: %+v, %q, %q", totals, modules, groupings)
	}
	for _, want := range []string{`role="img"`, `<title id="chart-module-t">По модулям</title>`} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

// TestOverviewChartsProgressAndComments: the overview draws the sections' states and, once a reviewer
// has commented, the open threads of each section.
func TestOverviewChartsProgressAndComments(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		owner := s.visitor()
		owner.signUp("Aida Owner")
		id := owner.createProposal("Overview", "en", false)
		reviewer := addMemberAs(s, owner, id, "Rita Reviewer", "reviewer")
		overview := owner.get("/proposals/" + id)
		if !strings.Contains(overview.Body, `id="chart-progress"`) || strings.Contains(overview.Body, `id="chart-comments"`) {
			t.Fatalf("before comments: progress chart %v, comments chart %v", strings.Contains(overview.Body, `id="chart-progress"`),
				strings.Contains(overview.Body, `id="chart-comments"`))
		}
		sec := "/proposals/" + id + "/sections/epidemiology"
		reviewer.get(sec)
		if p := reviewer.post(sec+"/comments", url.Values{"field": {"hiv-hcv-epidemiology"}, "body": {"Which survey?"}}); p.Status != http.StatusSeeOther {
			t.Fatalf("comment: %d\n%s", p.Status, p.Body)
		}
		overview = owner.get("/proposals/" + id)
		desc := regexp.MustCompile(`<desc id="chart-comments-d">([^<]*)</desc>`).FindStringSubmatch(overview.Body)
		if desc == nil || !strings.HasPrefix(desc[1], "Open comments by section: 1.1 ") || !strings.HasSuffix(desc[1], " — 1") {
			t.Errorf("comments chart: %q", desc)
		}
		if figures := svgFigures(t, overview.Body, "chart-progress"); len(figures) != 3 || !strings.HasSuffix(figures[2], " · 100.0\u00a0%") {
			t.Errorf("progress chart figures %q: every section not started", figures)
		}
	})
}
