package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// A bilingual proposal's title, country and network in its other language are typed on the new-proposal
// form and changed on the settings page (guarded by the proposal's version), in either page language;
// the budget page takes a line's description in both languages and its implementer, suggesting the
// organisations the proposal names elsewhere.
func TestBilingualTitleAndBudgetLinePages(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		for _, pageLang := range []string{"en", "ru"} {
			t.Run(pageLang, func(t *testing.T) { bilingualPages(t, s, pageLang) })
		}
	})
}

func bilingualPages(t *testing.T, s *testSite, pageLang string) {
	words := map[string][3]string{ // the translations heading, the budget's implementer column, the saved notice
		"en": {"Title, country and network in English", "Implementer", "Settings saved."},
		"ru": {"Название, страна и сеть на английском языке", "Исполнитель", "Настройки сохранены."},
	}[pageLang]
	owner := s.visitor()
	owner.signUp("Aida Owner")
	owner.get("/proposals") // the signed-in session's CSRF token
	owner.post("/lang", url.Values{"lang": {pageLang}, "next": {"/proposals/new"}})
	if p := owner.get("/proposals/new"); !strings.Contains(p.Body, `name="title_translation"`) {
		t.Fatal("the new-proposal form has no translated title")
	}
	form := url.Values{"template": {"gf-concept-note-pwid"}, "title": {"Снижение вреда"}, "country": {"Кыргызстан"}, "language": {"ru"},
		"bilingual": {"on"}, "submission_language": {"en"}, "title_translation": {"Harm reduction"}, "country_translation": {"Kyrgyzstan"}}
	created := owner.post("/proposals", form)
	if created.Status != http.StatusSeeOther {
		t.Fatalf("create: %d\n%s", created.Status, created.Body)
	}
	id := strings.TrimPrefix(created.Location, "/proposals/")
	settings := "/proposals/" + id + "/settings"
	p := owner.get(settings)
	if !strings.Contains(p.Body, words[0]) || !strings.Contains(p.Body, `value="Harm reduction"`) || !strings.Contains(p.Body, `lang="en"`) {
		t.Fatalf("the settings page does not show the English title:\n%s", p.Body)
	}
	// One language's texts only: a one-language proposal's settings have no such form.
	owner.post("/proposals", url.Values{"template": {"gf-concept-note-pwid"}, "title": {"Одна"}, "country": {"Кыргызстан"}, "language": {"ru"},
		"title_translation": {"ignored: not bilingual"}})

	save := url.Values{"form": {"translations"}, "proposal_version": {"0"}, "title_translation": {"Community harm reduction"},
		"country_translation": {"Kyrgyzstan"}, "network_translation": {"ENPUD"}}
	if r := owner.post(settings, save); r.Status != http.StatusSeeOther || !strings.Contains(owner.get(r.Location).Body, words[2]) {
		t.Fatalf("save translations: %d %s", r.Status, r.Location)
	}
	if p := owner.get(settings); !strings.Contains(p.Body, `value="Community harm reduction"`) || !strings.Contains(p.Body, `value="ENPUD"`) {
		t.Fatal("the saved translations are not shown")
	}
	stale := owner.post(settings, url.Values{"form": {"translations"}, "proposal_version": {"0"}, "title_translation": {"Mine"}})
	if stale.Status != http.StatusConflict || !strings.Contains(stale.Body, `value="Mine"`) || !strings.Contains(stale.Body, `name="proposal_version" value="1"`) {
		t.Fatalf("a stale save: %d\n%s", stale.Status, stale.Body)
	}
	long := owner.post(settings, url.Values{"form": {"translations"}, "proposal_version": {"1"}, "title_translation": {strings.Repeat("x", 301)}})
	if long.Status != http.StatusBadRequest || !strings.Contains(long.Body, `id="title_translation-err"`) {
		t.Fatalf("a title past its length: %d", long.Status)
	}
	owner.post("/proposals/"+id+"/settings", url.Values{"version": {"0"}, "ccm_name": {"CCM of Kyrgyzstan"}, "currency": {"USD"},
		"principal_recipients": {"UNDP Kyrgyzstan"}})

	budget := "/proposals/" + id + "/budget"
	p = owner.get(budget)
	for _, want := range []string{`name="l.0.description.en"`, `name="l.0.description.ru"`, `name="l.0.implementer"`, words[1],
		`<datalist id="implementers"><option value="UNDP Kyrgyzstan">`} {
		if !strings.Contains(p.Body, want) {
			t.Errorf("the budget page lacks %s", want)
		}
	}
	post := budgetPost("0")
	post.Del("l.0.description")
	post.Set("l.0.description.en", "Outreach workers")
	post.Set("l.0.description.ru", "Аутрич-работники")
	post.Set("l.0.implementer", "UNDP Kyrgyzstan")
	if r := owner.post(budget, post); r.Status != http.StatusSeeOther {
		t.Fatalf("budget save: %d\n%s", r.Status, r.Body)
	}
	p = owner.get(budget)
	for _, want := range []string{`value="Outreach workers"`, `value="Аутрич-работники"`, `id="l0-implementer" name="l.0.implementer" value="UNDP Kyrgyzstan"`,
		`id="l1-description-ru" name="l.1.description.ru" value="Peer trainings"`} { // a plain description is the working language's
		if !strings.Contains(p.Body, want) {
			t.Errorf("the saved budget page lacks %s", want)
		}
	}
	post.Set("version", "1")
	post.Set("l.0.description.en", strings.Repeat("a", 501))
	if r := owner.post(budget, post); r.Status != http.StatusBadRequest || !strings.Contains(r.Body, `id="l0-description-en"`) ||
		!strings.Contains(r.Body, `aria-invalid="true"`) {
		t.Fatalf("a description past its length: %d", r.Status)
	}
	check := owner.get("/proposals/" + id + "/check")
	if !strings.Contains(check.Body, `href="/proposals/`+id+`/budget"`) {
		t.Error("the check does not link the budget line without an implementer")
	}
}
