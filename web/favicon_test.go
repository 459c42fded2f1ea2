package web

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestFavicon: every page names a small SVG icon from this origin, which the page policy's img-src
// 'self' allows, so browsers stop asking for a /favicon.ico that does not exist.
func TestFavicon(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		v := s.visitor()
		p := v.get("/signin")
		m := regexp.MustCompile(`<link rel="icon" href="(/static/favicon\.svg\?v=[0-9a-f]+)" type="image/svg\+xml">`).FindStringSubmatch(p.Body)
		if m == nil {
			t.Fatal("the sign-in page links no SVG favicon")
		}
		if !strings.Contains(p.Header.Get("Content-Security-Policy"), "img-src 'self'") {
			t.Errorf("the page policy does not allow the icon: %s", p.Header.Get("Content-Security-Policy"))
		}
		icon := v.get(m[1])
		if icon.Status != http.StatusOK || icon.Header.Get("Content-Type") != "image/svg+xml" || !strings.HasPrefix(icon.Body, "<svg") {
			t.Errorf("favicon: %d %q %.40q", icon.Status, icon.Header.Get("Content-Type"), icon.Body)
		}
		if strings.Contains(icon.Body, "<script") {
			t.Error("the icon carries a script")
		}
	})
}
