package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestServiceErrorsSpeakThePageLanguage: a refusal from the service reads in the reader's language, not
// in the service's English.
func TestServiceErrorsSpeakThePageLanguage(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		owner := s.visitor()
		owner.signUp("Aida Owner")
		id := owner.createProposal("Ошибки", "ru", false)
		viewer := addMemberAs(s, owner, id, "Vera Viewer", "viewer")
		path := "/proposals/" + id + "/budget"
		viewer.get(path)
		viewer.post("/lang", url.Values{"lang": {"ru"}, "next": {path}})
		viewer.get(path)
		p := viewer.post(path, budgetPost("0"))
		if p.Status != http.StatusForbidden || !strings.Contains(p.Body, "Ваша роль в этой заявке (Читатель) не позволяет") {
			t.Fatalf("a viewer's refused save in Russian: %d\n%s", p.Status, p.Body)
		}
		if strings.Contains(p.Body, "does not allow this") {
			t.Fatal("the English service message is still on the Russian page")
		}
	})
}
