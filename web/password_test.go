package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestForgottenPasswordPages walk the reset in Russian without JavaScript: the sign-in page links to it,
// the request says the same for a known and an unknown address, the mailed link opens the new-password
// page, a too short password is refused in Russian, and the new password signs in.
func TestForgottenPasswordPages(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		owner := s.visitor()
		email := owner.signUp("Динара")

		v := s.visitor()
		v.client.Jar.SetCookies(mustURL(s.srv.URL), []*http.Cookie{{Name: langCookie, Value: "ru"}})
		if p := v.get("/signin"); !strings.Contains(p.Body, `href="/forgot-password"`) || !strings.Contains(p.Body, "Забыли пароль?") {
			t.Fatal("the sign-in page does not offer the reset in Russian")
		}
		v.get("/forgot-password")
		known := v.post("/forgot-password", url.Values{"email": {email}})
		v.get("/forgot-password")
		unknown := v.post("/forgot-password", url.Values{"email": {"nobody." + email}})
		if known.Status != 200 || unknown.Status != 200 || !strings.Contains(known.Body, "ссылка уже отправлена") ||
			stripCSRF(known.Body) != stripCSRF(unknown.Body) {
			t.Fatalf("the answers differ or are not Russian: %d / %d", known.Status, unknown.Status)
		}

		mails, err := s.store.Outbox(context.Background(), email)
		if err != nil || len(mails) != 1 || !strings.Contains(mails[0].Mail.Subject, "смена пароля") {
			t.Fatalf("outbox: %+v %v", mails, err)
		}
		_, link, _ := strings.Cut(mails[0].Mail.Body, "/reset-password?token=")
		token, _, _ := strings.Cut(link, "\n")
		if p := v.get("/reset-password?token=" + token); p.Status != 200 || !strings.Contains(p.Body, token) {
			t.Fatalf("new-password page: %d", p.Status)
		}
		if p := v.post("/reset-password", url.Values{"token": {token}, "password": {"short"}}); p.Status != 400 || !strings.Contains(p.Body, "символ") {
			t.Fatalf("a short password: %d", p.Status)
		}
		if p := v.post("/reset-password", url.Values{"token": {token}, "password": {"a brand new passphrase"}}); p.Status != http.StatusSeeOther || p.Location != "/signin?reset=1" {
			t.Fatalf("reset: %d %s", p.Status, p.Location)
		}
		if p := v.get("/signin?reset=1"); !strings.Contains(p.Body, "Пароль изменен") {
			t.Fatal("the sign-in page does not say the password changed")
		}
		if p := v.post("/signin", url.Values{"email": {email}, "password": {"a brand new passphrase"}}); p.Status != http.StatusSeeOther {
			t.Fatalf("sign-in with the new password: %d", p.Status)
		}
		v.get("/reset-password?token=" + token)
		if p := v.post("/reset-password", url.Values{"token": {token}, "password": {"yet another passphrase"}}); p.Status != 404 || !strings.Contains(p.Body, "Запросите новую") {
			t.Fatalf("a used link: %d", p.Status)
		}
	})
}

func mustURL(raw string) *url.URL {
	u, err := url.Parse(raw)
	if err != nil {
		panic(err)
	}
	return u
}

// stripCSRF removes the per-page token so that two renders of one page compare equal.
func stripCSRF(body string) string {
	return csrfInput.ReplaceAllString(body, "")
}
