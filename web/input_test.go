package web

import (
	"net/http"
	"net/url"
	"testing"
)

// TestUnreadableInputIsRefusedOnPages: a NUL byte or invalid UTF-8 in a page's path, query or form is
// a 4xx page on both databases, never a 500 from PostgreSQL refusing the text.
func TestUnreadableInputIsRefusedOnPages(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		v := s.visitor()
		v.signUp("Owner")
		id := v.createProposal("Снижение вреда", "ru", false)
		for _, path := range []string{"/proposals/%00", "/proposals/%ff", "/proposals/" + id + "/sections/%00",
			"/proposals/" + id + "/sections/epidemiology/history/%00", "/proposals?offset=%00"} {
			if p := v.get(path); p.Status < 400 || p.Status >= 500 {
				t.Errorf("GET %s: status %d, want a 4xx", path, p.Status)
			}
		}
		v.get("/proposals/" + id + "/members")
		if p := v.post("/proposals/"+id+"/members", url.Values{"email": {"a\x00@b.org"}, "role": {"editor"}}); p.Status < 400 || p.Status >= 500 {
			t.Errorf("member form with NUL: status %d, want a 4xx", p.Status)
		}
		anon := s.visitor()
		anon.get("/signin")
		if p := anon.post("/signin", url.Values{"email": {"a\x00@b"}, "password": {"whatever1"}}); p.Status < 400 || p.Status >= 500 {
			t.Errorf("sign-in with NUL: status %d, want a 4xx", p.Status)
		}
		if p := anon.post("/signin", url.Values{"email": {"a\xff@b"}, "password": {"whatever1"}}); p.Status != http.StatusBadRequest && p.Status != http.StatusUnauthorized {
			t.Errorf("sign-in with invalid UTF-8: status %d", p.Status)
		}
	})
}
