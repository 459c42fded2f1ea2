package web

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

var acceptButton = regexp.MustCompile(`formaction="(/proposals/[^/]+/suggestions/[^/]+/accept)" name="version" value="(\d+)"`)

// TestSuggestionsOnTheSectionPage: without a script, a reviewer suggests new wording in the English box
// of a bilingual field, the page shows it as a deletion and an insertion at its place, and the owner
// accepts it with the button; a quote that is not in the text is answered on the same page, text kept.
func TestSuggestionsOnTheSectionPage(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		owner := s.visitor()
		owner.signUp("Aida Owner")
		id := owner.createProposal("Снижение вреда", "ru", true)
		reviewer := addMemberAs(s, owner, id, "Rita Reviewer", "reviewer")
		sec := "/proposals/" + id + "/sections/epidemiology"
		m := versionInput.FindStringSubmatch(owner.get(sec).Body)
		mustSee(t, owner.post(sec, url.Values{"version": {m[1]}, "t.hiv-hcv-epidemiology.ru": {"Нет данных о ВГС среди ЛУИН."},
			"t.hiv-hcv-epidemiology.en": {"No HCV data among PWID."}}), "save")

		reviewer.get(sec)
		p := reviewer.post(sec+"/suggestions", url.Values{"field": {"hiv-hcv-epidemiology"}, "lang": {"en"}, "quote": {"HCV data among people"}, "replacement": {"hepatitis C data"}})
		if p.Status != http.StatusBadRequest || !strings.Contains(p.Body, "HCV data among people") || !strings.Contains(p.Body, `id="section-form"`) {
			t.Fatalf("a quote not in the text: %d, want the section page again with the text kept\n%s", p.Status, p.Body)
		}
		p = reviewer.post(sec+"/comments", url.Values{"field": {"hiv-hcv-epidemiology"}, "quote_lang": {"en"}, "quote": {"no such words"}, "body": {"Мой комментарий"}})
		if p.Status != http.StatusBadRequest || !strings.Contains(p.Body, "Мой комментарий") || !strings.Contains(p.Body, `id="section-form"`) {
			t.Fatalf("a comment on a quote not in the text: %d, want the section page with the text kept", p.Status)
		}
		mustSee(t, reviewer.post(sec+"/comments", url.Values{"field": {"hiv-hcv-epidemiology"}, "quote_lang": {"en"}, "quote": {"HCV data"}, "body": {"Which survey?"}}), "comment quoting English")
		mustSee(t, reviewer.post(sec+"/suggestions", url.Values{"field": {"hiv-hcv-epidemiology"}, "lang": {"en"}, "quote": {"HCV"}, "replacement": {"hepatitis C"}}), "suggest")

		page := html.UnescapeString(owner.get(sec).Body)
		if !strings.Contains(page, "No <del>HCV</del><ins>hepatitis C</ins> data among PWID.") {
			t.Fatalf("the suggestion is not shown at its place:\n%s", page)
		}
		if strings.Contains(html.UnescapeString(reviewer.get(sec).Body), "/accept") {
			t.Fatal("a reviewer is offered Accept")
		}
		b := acceptButton.FindStringSubmatch(owner.get(sec).Body)
		if b == nil {
			t.Fatal("the owner has no Accept button")
		}
		mustSee(t, owner.post(b[1], url.Values{"version": {b[2]}}), "accept")
		page = html.UnescapeString(owner.get(sec).Body)
		if !strings.Contains(page, "No hepatitis C data among PWID.") || strings.Contains(page, "<del>") {
			t.Fatalf("after accepting, the text is not replaced or the suggestion still shows:\n%s", page)
		}
		if log := owner.get("/proposals/" + id + "/activity").Body; !strings.Contains(log, "accepted a suggested change to") || !strings.Contains(log, "suggested by Rita Reviewer") {
			t.Fatalf("the activity log does not show the acceptance with both people:\n%s", log)
		}
	})
}
