package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestCSRF: a form without the token, with a wrong one, or with another person's is refused, and nothing
// changes; the same form with the page's token goes through.
func TestCSRF(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		v := s.visitor()
		v.signUp("Aida Writer")
		other := s.visitor()
		other.signUp("Other Person")
		for name, token := range map[string]string{"no token": "", "wrong token": "x" + v.csrf[1:], "another session's token": other.csrf} {
			p := v.post("/proposals", url.Values{"csrf": {token}, "template": {"gf-concept-note-pwid"}, "title": {"Forged"}, "country": {"KG"}, "language": {"en"}})
			if p.Status != http.StatusForbidden || !strings.Contains(p.Body, "This form has expired") {
				t.Errorf("%s: %d, want the 403 page", name, p.Status)
			}
		}
		if p := v.get("/proposals"); strings.Contains(p.Body, "Forged") {
			t.Error("a forged form created a proposal")
		}
		anon := s.visitor()
		anon.get("/signin")
		if p := anon.post("/signin", url.Values{"csrf": {""}, "email": {"a@b.c"}, "password": {"whatever1"}}); p.Status != http.StatusForbidden {
			t.Errorf("sign-in without the pre-session token: %d, want 403", p.Status)
		}
		if p := anon.post("/signin", url.Values{"email": {"a@b.c"}, "password": {"whatever1"}}); p.Status != http.StatusUnauthorized {
			t.Errorf("sign-in with the token and a wrong password: %d, want 401", p.Status)
		}
		cross := url.Values{"csrf": {v.csrf}, "lang": {"ru"}, "next": {"/"}}
		req, _ := http.NewRequest(http.MethodPost, s.srv.URL+"/lang", strings.NewReader(cross.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		if p := v.do(req); p.Status != http.StatusForbidden {
			t.Errorf("a post marked cross-site: %d, want 403", p.Status)
		}
	})
}

// TestTextIsEscaped: markup typed into a field, a title or a comment is shown as text everywhere.
func TestTextIsEscaped(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		v := s.visitor()
		v.signUp("Aida <b>Writer</b>")
		id := v.createProposal(`<script>alert("title")</script>`, "en", false)
		sec := "/proposals/" + id + "/sections/epidemiology"
		evil := `<script>alert(1)</script><img src=x onerror=alert(2)>`
		v.get(sec)
		if p := v.post(sec, url.Values{"version": {"0"}, "t.hiv-hcv-epidemiology.en": {evil}}); p.Status != http.StatusSeeOther {
			t.Fatalf("save: %d", p.Status)
		}
		v.get(sec)
		v.post(sec+"/comments", url.Values{"body": {evil}, "field": {"hiv-hcv-epidemiology"}})
		for _, path := range []string{"/proposals", "/proposals/" + id, sec, sec + "/history/1", "/proposals/" + id + "/members", "/proposals/" + id + "/activity"} {
			p := v.get(path)
			if strings.Contains(p.Body, "<script>alert") || strings.Contains(p.Body, "<img src=x") || strings.Contains(p.Body, "<b>Writer") {
				t.Errorf("%s shows markup unescaped", path)
			}
		}
		if p := v.get(sec); !strings.Contains(p.Body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Error("the saved text is not shown, escaped, in its box")
		}
	})
}

var inlineHandler = regexp.MustCompile(`(?i)\s(on[a-z]+|style)=`)

// TestPagesAreSafeAndLabelled checks every page of a proposal: the security headers, no inline script or
// style (the policy would block them), a lang attribute, and a label for every control.
func TestPagesAreSafeAndLabelled(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		v := s.visitor()
		for _, path := range []string{"/signin", "/signup"} {
			checkSafeAndLabelled(t, path, v.get(path))
		}
		v.signUp("Aida Writer")
		id := v.createProposal("Labels", "ru", true)
		sec := "/proposals/" + id + "/sections/epidemiology"
		v.get(sec)
		v.post(sec, url.Values{"version": {"0"}, "t.hiv-hcv-epidemiology.ru": {"Текст"}, "t.hiv-hcv-epidemiology.en": {"Text"}})
		v.get(sec)
		v.post(sec+"/comments", url.Values{"body": {"A comment"}})
		for _, path := range []string{"/proposals", "/proposals/new", "/proposals/" + id, sec, "/proposals/" + id + "/sections/programmatic-gaps",
			sec + "/history", sec + "/history/1", "/proposals/" + id + "/check", "/proposals/" + id + "/members", "/proposals/" + id + "/activity", "/nowhere"} {
			checkSafeAndLabelled(t, path, v.get(path))
		}
	})
}

func checkSafeAndLabelled(t *testing.T, path string, p page) {
	t.Helper()
	h := p.Header
	if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("%s: Content-Security-Policy %q", path, csp)
	}
	for name, want := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "same-origin"} {
		if h.Get(name) != want {
			t.Errorf("%s: %s = %q, want %q", path, name, h.Get(name), want)
		}
	}
	if m := inlineHandler.FindString(p.Body); m != "" {
		t.Errorf("%s: inline attribute %q, which the policy blocks", path, m)
	}
	doc, err := html.Parse(strings.NewReader(p.Body))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	labels := map[string]bool{}
	var controls []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html":
				if attr(n, "lang") == "" {
					t.Errorf("%s: <html> without lang", path)
				}
			case "script":
				if attr(n, "src") == "" {
					t.Errorf("%s: inline <script>", path)
				}
			case "label":
				labels[attr(n, "for")] = true
			case "input", "textarea", "select":
				if typ := attr(n, "type"); typ != "hidden" && typ != "submit" {
					controls = append(controls, n)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, c := range controls {
		if !labels[attr(c, "id")] && attr(c, "aria-label") == "" {
			t.Errorf("%s: <%s name=%q id=%q> has no label", path, c.Data, attr(c, "name"), attr(c, "id"))
		}
	}
}

func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}
