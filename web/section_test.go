package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestFormSaveWithoutJavaScript: a save answers with a redirect to the page (post-redirect-get), the page
// shows what was saved, and invalid input comes back with the typed values and the reason beside the field.
func TestFormSaveWithoutJavaScript(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		v := s.visitor()
		v.signUp("Aida Writer")
		id := v.createProposal("PRG", "ru", false)
		sec := "/proposals/" + id + "/sections/epidemiology"
		v.get(sec)
		p := v.post(sec, url.Values{"version": {"0"}, "t.hiv-hcv-epidemiology.ru": {"Распространенность ВИЧ\r\nсреди ЛУИН"}, "f.pwid-size-estimate": {"25 000"}})
		if p.Status != http.StatusSeeOther || p.Location != sec+"?saved=1" {
			t.Fatalf("save: %d %q, want 303 to the page", p.Status, p.Location)
		}
		p = v.get(p.Location)
		if !strings.Contains(p.Body, "Saved.") || !strings.Contains(p.Body, "Распространенность ВИЧ\nсреди ЛУИН</textarea>") || !strings.Contains(p.Body, `value="25000"`) {
			t.Errorf("the page after the redirect does not show the save:\n%s", p.Body)
		}
		p = v.post(sec, url.Values{"version": {"1"}, "t.hiv-hcv-epidemiology.ru": {"Новый текст"}, "f.pwid-size-estimate": {"много"}})
		if p.Status != http.StatusBadRequest || !strings.Contains(p.Body, "must be a number") || !strings.Contains(p.Body, "Новый текст</textarea>") || !strings.Contains(p.Body, `value="много"`) {
			t.Errorf("invalid input: %d; want 400 with the typed values kept and the reason", p.Status)
		}
	})
}

// TestConflictPage: two people save from the same version. Different fields merge; the same field shows
// both texts side by side, with the second writer's text kept in the box, and saving again takes it.
func TestConflictPage(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		a := s.visitor()
		a.signUp("Aida Writer")
		b := s.visitor()
		bEmail := b.signUp("Bakyt Editor")
		id := a.createProposal("Conflict", "en", false)
		a.get("/proposals/" + id + "/members")
		a.post("/proposals/"+id+"/members", url.Values{"email": {bEmail}, "role": {"editor"}})
		sec := "/proposals/" + id + "/sections/epidemiology"
		a.get(sec)
		b.get(sec)
		if p := a.post(sec, url.Values{"version": {"0"}, "t.hiv-hcv-epidemiology.en": {"Aida's text"}}); p.Status != http.StatusSeeOther {
			t.Fatalf("first save: %d", p.Status)
		}
		p := b.post(sec, url.Values{"version": {"0"}, "t.data-gaps.en": {"Bakyt's gaps"}})
		if p.Status != http.StatusSeeOther {
			t.Fatalf("a save of another field should merge: %d\n%s", p.Status, p.Body)
		}
		p = a.get(sec)
		if !strings.Contains(p.Body, "Aida&#39;s text</textarea>") || !strings.Contains(p.Body, "Bakyt&#39;s gaps</textarea>") {
			t.Errorf("after the merge both texts should be saved")
		}
		p = b.post(sec, url.Values{"version": {"0"}, "t.hiv-hcv-epidemiology.en": {"Bakyt's other text"}, "t.data-gaps.en": {"Bakyt's gaps"}})
		if p.Status != http.StatusConflict {
			t.Fatalf("a save of the same field: %d, want 409 with both texts", p.Status)
		}
		for _, want := range []string{"Someone saved this section while you were writing", "Bakyt&#39;s other text</textarea>", "Their text", "Aida&#39;s text</textarea>", `name="version" value="2"`} {
			if !strings.Contains(p.Body, want) {
				t.Errorf("conflict page lacks %q", want)
			}
		}
		p = b.post(sec, url.Values{"version": {"2"}, "t.hiv-hcv-epidemiology.en": {"Bakyt's other text"}, "t.data-gaps.en": {"Bakyt's gaps"}})
		if p.Status != http.StatusSeeOther {
			t.Fatalf("saving the kept text: %d", p.Status)
		}
		if p := a.get(sec); !strings.Contains(p.Body, "Bakyt&#39;s other text</textarea>") {
			t.Error("the kept text was not saved")
		}
	})
}

// TestLanguageSwitch: the choice is stored in a cookie and every page follows it; the browser's language
// is the default.
func TestLanguageSwitch(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		v := s.visitor()
		if p := v.get("/signin"); !strings.Contains(p.Body, `<html lang="en">`) || !strings.Contains(p.Body, "Sign in") {
			t.Fatal("the default interface should be English")
		}
		p := v.post("/lang", url.Values{"lang": {"ru"}, "next": {"/signin"}})
		if p.Status != http.StatusSeeOther || p.Location != "/signin" {
			t.Fatalf("switch: %d %q", p.Status, p.Location)
		}
		p = v.get("/signin")
		if !strings.Contains(p.Body, `<html lang="ru">`) || !strings.Contains(p.Body, "Вход") || !strings.Contains(p.Body, `lang="en">English</button>`) {
			t.Errorf("after switching the page is not Russian")
		}
		if p := v.post("/lang", url.Values{"lang": {"en"}, "next": {"//evil.example/"}}); p.Location != "/" {
			t.Errorf("the switch followed an outside address: %q", p.Location)
		}
		req, _ := http.NewRequest(http.MethodGet, s.srv.URL+"/signin", nil)
		req.Header.Set("Accept-Language", "ky-KG,ky;q=0.9")
		if p := s.visitor().do(req); !strings.Contains(p.Body, `<html lang="ru">`) {
			t.Error("a Kyrgyz-language browser should get Russian")
		}
	})
}

// TestErrorPages: a domain error shows the page in the reader's language with the API's status; unknown
// addresses outside the API get a page, inside it a problem document.
func TestErrorPages(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		v := s.visitor()
		v.signUp("Aida Writer")
		v.get("/proposals")
		v.post("/lang", url.Values{"lang": {"ru"}, "next": {"/"}})
		p := v.get("/proposals/" + strings.Repeat("a", 26))
		if p.Status != http.StatusNotFound || !strings.Contains(p.Body, "Страница не найдена") || !strings.Contains(p.Header.Get("Content-Type"), "text/html") {
			t.Errorf("unknown proposal: %d %s", p.Status, p.Header.Get("Content-Type"))
		}
		if p := v.get("/no/such/page"); p.Status != http.StatusNotFound || !strings.Contains(p.Body, "Страница не найдена") {
			t.Errorf("unknown page: %d", p.Status)
		}
		if p := v.get("/api/v1/nothing"); p.Status != http.StatusNotFound || p.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("unknown API path: %d %s", p.Status, p.Header.Get("Content-Type"))
		}
		signedOut := s.visitor()
		if p := signedOut.get("/proposals/x/check"); p.Status != http.StatusSeeOther || p.Location != "/signin?next=%2Fproposals%2Fx%2Fcheck" {
			t.Errorf("signed out: %d %q, want the sign-in with next", p.Status, p.Location)
		}
	})
}

// TestSectionPageSize: the section page, its CSS and its script, gzipped as a browser receives them,
// stay under the budget for slow connections.
func TestSectionPageSize(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		v := s.visitor()
		v.signUp("Aida Writer")
		id := v.createProposal("Size", "ru", true)
		req, _ := http.NewRequest(http.MethodGet, s.srv.URL+"/proposals/"+id+"/sections/epidemiology", nil)
		req.Header.Set("Accept-Encoding", "gzip")
		p := v.do(req)
		if p.Header.Get("Content-Encoding") != "gzip" {
			t.Fatal("the page is not gzipped")
		}
		total := p.Wire
		for _, name := range []string{"app.css", "app.js"} {
			u, _ := v.site.staticURL(name)
			req, _ := http.NewRequest(http.MethodGet, s.srv.URL+u, nil)
			req.Header.Set("Accept-Encoding", "gzip")
			r := v.do(req)
			if r.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(r.Header.Get("Cache-Control"), "immutable") {
				t.Errorf("%s: encoding %q, cache %q", name, r.Header.Get("Content-Encoding"), r.Header.Get("Cache-Control"))
			}
			t.Logf("%s: %d bytes gzipped (%d plain)", name, r.Wire, len(r.Body))
			total += r.Wire
		}
		t.Logf("section page: %d bytes gzipped (%d plain); with CSS and JS %d bytes", p.Wire, len(p.Body), total)
		if total > sectionBudget {
			t.Errorf("section page with CSS and JS is %d bytes gzipped; the budget is %d", total, sectionBudget)
		}
	})
}
