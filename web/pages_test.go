package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestEveryPageRenders walks a writer through every page without JavaScript, on each database.
func TestEveryPageRenders(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		v := s.visitor()
		if p := v.get("/"); p.Status != http.StatusSeeOther || p.Location != "/signin" {
			t.Fatalf("/ signed out: %d %s", p.Status, p.Location)
		}
		v.signUp("Aida Writer")
		if p := v.get("/"); p.Location != "/proposals" {
			t.Fatalf("/ signed in: %d %s", p.Status, p.Location)
		}
		id := v.createProposal("Harm reduction in Bishkek", "ru", false)
		sec := "/proposals/" + id + "/sections/epidemiology"
		p := v.post(sec, url.Values{"version": {"0"}, "t.size-estimate-source.ru": {"Национальная оценка, 2023"}, "f.pwid-size-estimate": {"25 000"}})
		if p.Status != http.StatusSeeOther {
			t.Fatalf("save: %d\n%s", p.Status, p.Body)
		}
		for _, path := range []string{"/proposals", "/proposals/new", "/proposals/" + id, sec, sec + "/history", sec + "/history/1",
			"/proposals/" + id + "/check", "/proposals/" + id + "/members", "/proposals/" + id + "/activity"} {
			p := v.get(path)
			if p.Status != http.StatusOK {
				t.Errorf("GET %s: %d\n%s", path, p.Status, p.Body)
			}
			if !strings.Contains(p.Body, "</html>") {
				t.Errorf("GET %s: page cut short", path)
			}
		}
	})
}

// TestConceptNoteDownload follows the overview's PDF, annexes and package links with the session cookie.
func TestConceptNoteDownload(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		v := s.visitor()
		v.signUp("Aida Writer")
		id := v.createProposal("Снижение вреда", "ru", false)
		overview := v.get("/proposals/" + id)
		link := "/proposals/" + id + "/concept-note.pdf"
		if !strings.Contains(overview.Body, `href="`+link+`"`) || !strings.Contains(overview.Body, "worksheet.pdf") {
			t.Fatalf("the overview has no PDF or worksheet link:\n%s", overview.Body)
		}
		p := v.get(link)
		if p.Status != http.StatusOK || p.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(p.Body, "%PDF") {
			t.Fatalf("PDF download: %d %s", p.Status, p.Header.Get("Content-Type"))
		}
		if again := s.visitor().get(link); again.Status == http.StatusOK {
			t.Fatal("a visitor without a session downloaded the PDF")
		}
		for _, d := range []struct{ link, contentType string }{
			{"/proposals/" + id + "/annexes.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
			{"/proposals/" + id + "/package.zip", "application/zip"},
		} {
			if !strings.Contains(overview.Body, `href="`+d.link+`"`) {
				t.Errorf("the overview has no link to %s", d.link)
			}
			if got := v.get(d.link); got.Status != http.StatusOK || got.Header.Get("Content-Type") != d.contentType || !strings.HasPrefix(got.Body, "PK") {
				t.Errorf("%s: %d %s", d.link, got.Status, got.Header.Get("Content-Type"))
			}
			if again := s.visitor().get(d.link); again.Status == http.StatusOK {
				t.Errorf("a visitor without a session downloaded %s", d.link)
			}
		}
	})
}

// The new-proposal form offers the current funding request first and preselected, the retired
// concept note last; a GC7 proposal's budget page offers the GC7 modules, with unsure names labelled.
func TestNewProposalDefaultsToFundingRequest(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		v := s.visitor()
		v.signUp("Aida Writer")
		body := v.get("/proposals/new").Body
		def, old := strings.Index(body, `id="tpl-gf-funding-request"`), strings.Index(body, `id="tpl-gf-concept-note-pwid"`)
		if def < 0 || old < 0 || def > old {
			t.Fatalf("funding request at %d, concept note at %d: the default must come first", def, old)
		}
		if !regexp.MustCompile(`id="tpl-gf-funding-request"[^>]*checked`).MatchString(body) {
			t.Fatal("the funding request is not preselected")
		}
		p := v.post("/proposals", url.Values{"template": {"gf-funding-request"}, "title": {"GC8"}, "country": {"Kyrgyzstan"}, "language": {"en"}})
		if p.Status != http.StatusSeeOther {
			t.Fatalf("create: %d\n%s", p.Status, p.Body)
		}
		budget := v.get(p.Location + "/budget").Body
		if !strings.Contains(budget, `value="gc7-pwid-prevention"`) || strings.Contains(budget, `value="pwid-prevention"`) {
			t.Fatal("a GC7 proposal's budget page must offer the GC7 modules only")
		}
		if !strings.Contains(budget, "(this tool&#39;s summary)") {
			t.Fatal("unsure GC7 names are not labelled as this tool's summary")
		}
	})
}
