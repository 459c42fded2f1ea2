package api

import (
	"fmt"
	"iduit/httpkit"
	"net/http"
	"slices"
	"strings"
	"testing"
)

func TestSignUpRejectsBadInput(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		taken := a.signUp(t, "Taken")
		tests := []struct {
			name      string
			body      any
			status    int
			wantField string
		}{
			{"missing email", map[string]string{"name": "A", "password": "long enough"}, 400, "email"},
			{"not an email", map[string]string{"email": "nobody", "name": "A", "password": "long enough"}, 400, "email"},
			{"short password", map[string]string{"email": "a@b.org", "name": "A", "password": "short"}, 400, "password"},
			{"common password", map[string]string{"email": "a@b.org", "name": "A", "password": "Qwerty123"}, 400, "password"},
			{"Russian-keyboard password", map[string]string{"email": "a@b.org", "name": "A", "password": "йцукен123"}, 400, "password"},
			{"password is the email", map[string]string{"email": "long@b.org", "name": "A", "password": "LONG@b.org"}, 400, "password"},
			{"eight spaces", map[string]string{"email": "a@b.org", "name": "A", "password": "        "}, 400, "password"},
			{"eight tabs", map[string]string{"email": "a@b.org", "name": "A", "password": "\t\t\t\t\t\t\t\t"}, 400, "password"},
			{"one character repeated", map[string]string{"email": "a@b.org", "name": "A", "password": "aaaaaaaa"}, 400, "password"},
			{"alphabet run", map[string]string{"email": "a@b.org", "name": "A", "password": "abcdefgh"}, 400, "password"},
			{"common password with substitutions", map[string]string{"email": "a@b.org", "name": "A", "password": "P@ssw0rd"}, 400, "password"},
			{"common word with a year", map[string]string{"email": "a@b.org", "name": "A", "password": "Dragon2024!"}, 400, "password"},
			{"blank name", map[string]string{"email": "a@b.org", "name": "  ", "password": "long enough"}, 400, "name"},
			{"name too long", map[string]string{"email": "a@b.org", "name": strings.Repeat("я", 201), "password": "long enough"}, 400, "name"},
			{"control character", map[string]string{"email": "a@b.org", "name": "a\u0007b", "password": "long enough"}, 400, "name"},
			{"unknown member", map[string]string{"email": "a@b.org", "name": "A", "password": "long enough", "admin": "yes"}, 400, "admin"},
			{"email taken, other case", map[string]string{"email": strings.ToUpper(taken.email), "name": "A", "password": "long enough"}, 409, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := a.do(t, call{method: "POST", path: "/api/v1/users", body: tt.body}).want(tt.status)
				if tt.wantField != "" && !slices.Contains(r.problemFields(), tt.wantField) {
					t.Fatalf("problem does not name %q: %s", tt.wantField, r.Body.String())
				}
			})
		}
	})
}

func TestMalformedBodies(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tests := []struct {
			name   string
			body   any
			status int
			detail string
		}{
			{"empty", "", 400, "empty"},
			{"truncated", `{"email":"a@b.org"`, 400, "malformed JSON"},
			{"not json", `email=a`, 400, "malformed JSON"},
			{"two values", `{} {}`, 400, "more than one JSON value"},
			{"invalid UTF-8", []byte("{\"email\":\"a@b.org\",\"name\":\"\xff\",\"password\":\"long enough\"}"), 400, "UTF-8"},
			{"wrong type", `{"email":5}`, 400, "wrong type"},
			{"too large", `{"name":"` + strings.Repeat("x", httpkit.DefaultMaxBodyBytes) + `"}`, 413, "limit of 1048576 bytes"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := a.do(t, call{method: "POST", path: "/api/v1/users", body: tt.body}).want(tt.status)
				if !strings.Contains(r.str("detail"), tt.detail) {
					t.Fatalf("detail %q does not mention %q", r.str("detail"), tt.detail)
				}
				if ct := r.Header().Get("Content-Type"); ct != problemContentType {
					t.Fatalf("Content-Type %q", ct)
				}
			})
		}
	})
}

func TestSessions(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		alice := a.signUp(t, "Alice")

		t.Run("sign-in sets an HttpOnly cookie and matches email case-insensitively", func(t *testing.T) {
			r := a.do(t, call{method: "POST", path: "/api/v1/sessions", body: map[string]string{"email": strings.ToUpper(alice.email), "password": "correct horse"}}).want(201)
			cookie := r.Result().Cookies()
			if len(cookie) != 1 || cookie[0].Name != httpkit.SessionCookie || !cookie[0].HttpOnly || cookie[0].SameSite != http.SameSiteLaxMode || cookie[0].Value != r.str("token") {
				t.Fatalf("cookie %+v", cookie)
			}
		})
		t.Run("wrong password and unknown account look the same", func(t *testing.T) {
			wrong := a.do(t, call{method: "POST", path: "/api/v1/sessions", body: map[string]string{"email": alice.email, "password": "wrong horse"}}).want(401)
			unknown := a.do(t, call{method: "POST", path: "/api/v1/sessions", body: map[string]string{"email": "nobody@example.org", "password": "wrong horse"}}).want(401)
			if wrong.str("detail") != unknown.str("detail") {
				t.Fatalf("messages differ: %q vs %q", wrong.str("detail"), unknown.str("detail"))
			}
		})
		t.Run("me needs a token", func(t *testing.T) {
			a.do(t, call{method: "GET", path: "/api/v1/me"}).want(401)
			a.do(t, call{method: "GET", path: "/api/v1/me", token: "not-a-token"}).want(401)
			if got := a.do(t, call{method: "GET", path: "/api/v1/me", token: alice.token}).want(200).str("email"); got != alice.email {
				t.Fatalf("me is %q", got)
			}
		})
		t.Run("the API ignores the cookie", func(t *testing.T) {
			a.do(t, call{method: "GET", path: "/api/v1/me", header: map[string]string{"Cookie": httpkit.SessionCookie + "=" + alice.token}}).want(401)
		})
		t.Run("a session survives a restart", func(t *testing.T) {
			restarted := newTestAPI(t, a.store)
			restarted.do(t, call{method: "GET", path: "/api/v1/me", token: alice.token}).want(200)
		})
		t.Run("sign-out revokes the token", func(t *testing.T) {
			other := a.signUp(t, "Other")
			a.do(t, call{method: "DELETE", path: "/api/v1/sessions/current", token: other.token}).want(204)
			a.do(t, call{method: "GET", path: "/api/v1/me", token: other.token}).want(401)
			a.do(t, call{method: "GET", path: "/api/v1/me", token: alice.token}).want(200)
		})
	})
}

func TestHealth(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		a.do(t, call{method: "GET", path: "/healthz"}).want(200)
		a.do(t, call{method: "GET", path: "/readyz"}).want(200)
		r := a.do(t, call{method: "GET", path: "/healthz"})
		for _, h := range []string{"X-Request-Id", "X-Content-Type-Options", "Content-Security-Policy", "Referrer-Policy"} {
			if r.Header().Get(h) == "" {
				t.Errorf("missing header %s", h)
			}
		}
		a.store.Close()
		a.do(t, call{method: "GET", path: "/readyz"}).want(503)
		a.do(t, call{method: "GET", path: "/healthz"}).want(200)
	})
}

func TestSignInThrottling(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		alice := a.signUp(t, "Alice")
		signIn := func(email, password, addr string) result {
			return a.do(t, call{method: "POST", path: "/api/v1/sessions", body: map[string]string{"email": email, "password": password},
				header: map[string]string{"X-Forwarded-For": addr}})
		}
		for i := 0; i < 5; i++ {
			// A spoofed X-Forwarded-For changes nothing: no proxy is trusted by default.
			signIn(alice.email, "wrong guess", fmt.Sprintf("203.0.113.%d", i)).want(401)
		}
		r := signIn(alice.email, "correct horse", "").want(429)
		if ra := r.Header().Get("Retry-After"); ra == "" || ra == "0" {
			t.Fatalf("Retry-After %q", ra)
		}
		t.Run("other accounts are not locked by one account's failures", func(t *testing.T) {
			bob := a.signUp(t, "Bob")
			signIn(bob.email, "correct horse", "").want(201)
		})
	})
}
