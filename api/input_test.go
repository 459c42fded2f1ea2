package api

import (
	"strings"
	"testing"
)

// TestUnreadableInputIsRefusedBeforeTheDatabase sends NUL bytes and invalid UTF-8 in path parameters,
// query strings and JSON strings. PostgreSQL refuses a NUL in text (SQLSTATE 22021) where SQLite
// stores it, so without one check in front of the database the same request was a 4xx on one engine
// and a 500 on the other.
func TestUnreadableInputIsRefusedBeforeTheDatabase(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		owner := tm.people["owner"]
		p := "/api/v1/proposals/" + tm.id
		export := a.do(t, call{method: "GET", path: p + "/export", token: owner.token}).want(200).Body.String()
		tests := []struct {
			name string
			c    call
		}{
			{"proposal id NUL", call{method: "GET", path: "/api/v1/proposals/%00"}},
			{"proposal id invalid UTF-8", call{method: "GET", path: "/api/v1/proposals/%ff%fe"}},
			{"patch proposal id NUL", call{method: "PATCH", path: "/api/v1/proposals/a%00b", body: map[string]string{"title": "x"}}},
			{"template key NUL", call{method: "GET", path: "/api/v1/templates/%00"}},
			{"section key NUL", call{method: "GET", path: p + "/sections/%00"}},
			{"member id NUL", call{method: "DELETE", path: p + "/members/%00"}},
			{"comment id NUL", call{method: "PATCH", path: p + "/comments/%00", body: map[string]string{"body": "x"}}},
			{"comments filter NUL", call{method: "GET", path: p + "/comments?section=%00"}},
			{"comments filter invalid UTF-8", call{method: "GET", path: p + "/comments?status=%c3%28"}},
			{"template version NUL", call{method: "GET", path: "/api/v1/templates/" + testTemplate + "?version=%00"}},
			{"comment body NUL", call{method: "POST", path: p + "/comments", body: `{"section":"epidemiology","body":"a\u0000b"}`}},
			{"section text NUL", call{method: "PUT", path: p + "/sections/epidemiology", header: map[string]string{"If-Match": `"0"`},
				body: `{"fields":{"data-gaps":"a\u0000b"}}`}},
			{"import NUL", call{method: "POST", path: "/api/v1/proposals/import", body: strings.Replace(export, `"title":"`, `"title":"\u0000`, 1)}},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				tc.c.token = owner.token
				r := a.do(t, tc.c)
				if r.Code < 400 || r.Code >= 500 {
					t.Fatalf("status %d, want a 4xx; body: %s", r.Code, r.Body.String())
				}
			})
		}
		for _, email := range []string{"a\\u0000@b", owner.email + "\\u0000"} {
			body := `{"email":"` + email + `","password":"correct horse"}`
			a.do(t, call{method: "POST", path: "/api/v1/sessions", body: body}).want(400)
			a.do(t, call{method: "POST", path: "/api/v1/users", body: `{"email":"` + email + `","name":"N","password":"correct horse"}`}).want(400)
		}
		// An escaped backslash before "u0000" is ordinary text, not a NUL.
		a.do(t, call{method: "PATCH", path: p, token: owner.token, body: `{"title":"C:\\u0000 drive"}`, header: map[string]string{"If-Match": `"0"`}}).want(200)
	})
}
