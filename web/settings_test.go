package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func settingsPost(version string) url.Values {
	return url.Values{"version": {version}, "ccm_name": {"Страновой координационный комитет"}, "ccm_abbreviation": {"СКК"},
		"principal_recipients": {"РЦ СПИД\n\nUNDP"}, "currency": {"USD"}, "allocation_amount": {"1 250 000,50"},
		"application_approach": {"full_review"}, "pathway": {"grant_ready"}, "review_window": {"Окно 1, 2026"}}
}

func TestSettingsPage(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		owner := s.visitor()
		owner.signUp("Aida Owner")
		id := owner.createProposal("Настройки", "ru", false)
		viewer := addMemberAs(s, owner, id, "Vera Viewer", "viewer")
		path := "/proposals/" + id + "/settings"

		if p := viewer.get(path); p.Status != http.StatusOK || strings.Contains(p.Body, `id="save-button"`) {
			t.Fatalf("viewer: %d, save button shown", p.Status)
		}
		if p := viewer.post(path, settingsPost("0")); p.Status != http.StatusForbidden {
			t.Errorf("a viewer's save: %d, want 403", p.Status)
		}
		if overview := owner.get("/proposals/" + id); !strings.Contains(overview.Body, `href="`+path+`"`) {
			t.Error("the overview does not link the settings page")
		}
		owner.post("/lang", url.Values{"lang": {"ru"}, "next": {path}})
		p := owner.post(path, settingsPost("0"))
		if p.Status != http.StatusSeeOther {
			t.Fatalf("save: %d\n%s", p.Status, p.Body)
		}
		p = owner.get(p.Location)
		for _, want := range []string{`value="СКК"`, "РЦ СПИД\nUNDP</textarea>", `value="1250000,50"`, "Настройки сохранены.", `<option value="grant_ready" selected>`} {
			if !strings.Contains(p.Body, want) {
				t.Errorf("after saving, the page lacks %q", want)
			}
		}
		// The budget page offers the template's currencies only and shows the allocation from here.
		b := owner.get("/proposals/" + id + "/budget")
		if strings.Contains(b.Body, `<option value="KGS"`) || !strings.Contains(b.Body, `value="1250000,50"`) {
			t.Errorf("budget page: KGS offered %v, allocation shown %v", strings.Contains(b.Body, `<option value="KGS"`), strings.Contains(b.Body, `value="1250000,50"`))
		}

		bad := settingsPost("1")
		bad.Set("currency", "KGS")
		bad.Set("allocation_amount", "")
		p = owner.post(path, bad)
		if p.Status != http.StatusBadRequest || !strings.Contains(p.Body, "не из валют, которые допускает шаблон") {
			t.Fatalf("a currency the template does not allow: %d", p.Status)
		}
		if p = owner.post(path, settingsPost("0")); p.Status != http.StatusConflict || !strings.Contains(p.Body, `id="conflict"`) {
			t.Fatalf("a stale save: %d", p.Status)
		}
	})
}

// TestCheckLinksDocumentFindings: a finding in the budget links to the budget page, not to a section
// that does not exist.
func TestCheckLinksDocumentFindings(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		owner := s.visitor()
		owner.signUp("Aida Owner")
		id := owner.createProposal("Проверка", "ru", false)
		small := settingsPost("0")
		small.Set("allocation_amount", "1")
		if p := owner.post("/proposals/"+id+"/settings", small); p.Status != http.StatusSeeOther {
			t.Fatalf("settings: %d", p.Status)
		}
		post := budgetPost("0")
		post.Set("ceiling", "1,00")
		if p := owner.post("/proposals/"+id+"/budget", post); p.Status != http.StatusSeeOther {
			t.Fatalf("budget: %d\n%s", p.Status, p.Body)
		}
		p := owner.get("/proposals/" + id + "/check")
		if !strings.Contains(p.Body, `<a href="/proposals/`+id+`/budget">`) || strings.Contains(p.Body, "/sections/budget") {
			t.Fatalf("the over-allocation finding does not link the budget page:\n%s", p.Body)
		}
	})
}
