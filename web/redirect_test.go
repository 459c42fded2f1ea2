package web

import (
	"net/http"
	"net/url"
	"testing"
)

// TestNextStaysOnThisSite: whatever "next" holds, a signed-in person is sent to a path on this site, never
// to one a browser would read as another origin (browsers drop tabs and newlines and treat a backslash as
// a slash), whether it arrives encoded once, twice, or not at all.
func TestNextStaysOnThisSite(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		v := s.visitor()
		v.signUp("Aida Writer")
		hostile := []string{
			"/\t/evil.example/x", "/%09/evil.example/x", "//evil.example", "/\\evil.example", "%2F%2Fevil.example",
			"/%2F/evil.example", "/%5Cevil.example", "/%2509/evil.example", "\\\\evil.example", "https://evil.example",
			"/\n/evil.example", "/%0d/evil.example", "evil.example", "/\x7f/evil.example",
		}
		// A NUL never reaches the redirect: every form and query value is refused before any handler.
		if p := v.get("/signin?next=" + url.QueryEscape("/\x00/evil.example")); p.Status != http.StatusBadRequest || p.Location != "" {
			t.Errorf("GET /signin?next=NUL: %d Location %q, want 400 and no redirect", p.Status, p.Location)
		}
		for _, next := range hostile {
			if p := v.get("/signin?next=" + url.QueryEscape(next)); p.Status != http.StatusSeeOther || p.Location != "/proposals" {
				t.Errorf("GET /signin?next=%q: %d Location %q, want /proposals", next, p.Status, p.Location)
			}
			v.get("/proposals")
			if p := v.post("/lang", url.Values{"lang": {"en"}, "next": {next}}); p.Status != http.StatusSeeOther || p.Location != "/" {
				t.Errorf("POST /lang next=%q: %d Location %q, want /", next, p.Status, p.Location)
			}
		}
		// A raw, unencoded tab in the query string reaches the handler as is.
		if p := v.get("/signin?next=/%09/evil.example/x"); p.Location != "/proposals" {
			t.Errorf("GET /signin?next=/%%09/evil.example/x: Location %q, want /proposals", p.Location)
		}
		for _, next := range []string{"/proposals", "/proposals/abc/sections/x?tab=1#top", "/", "/%D0%B0"} {
			if p := v.get("/signin?next=" + url.QueryEscape(next)); p.Location != next {
				t.Errorf("GET /signin?next=%q: Location %q, want it kept", next, p.Location)
			}
		}
	})
}
