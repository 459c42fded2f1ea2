package api

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestCreateProposal(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		valid := map[string]string{"template": testTemplate, "title": "Программа снижения вреда", "language": "ru", "country": "Kyrgyzstan"}
		with := func(k, v string) map[string]string {
			m := map[string]string{}
			for key, val := range valid {
				m[key] = val
			}
			if v == "<delete>" {
				delete(m, k)
			} else {
				m[k] = v
			}
			return m
		}
		tests := []struct {
			name      string
			body      map[string]string
			wantField string
		}{
			{"unknown template", with("template", "no-such"), "template"},
			{"missing title", with("title", "<delete>"), "title"},
			{"title too long", with("title", strings.Repeat("ш", 301)), "title"},
			{"language not offered", with("language", "fr"), "language"},
			{"missing country", with("country", "<delete>"), "country"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := a.do(t, call{method: "POST", path: "/api/v1/proposals", token: owner.token, body: tt.body}).want(400)
				if !slices.Contains(r.problemFields(), tt.wantField) {
					t.Fatalf("problem does not name %q: %s", tt.wantField, r.Body.String())
				}
			})
		}
		t.Run("created with its template version pinned and every section at version 0", func(t *testing.T) {
			r := a.do(t, call{method: "POST", path: "/api/v1/proposals", token: owner.token, body: valid}).want(201)
			id := r.str("id")
			if len(id) < 26 || r.Header().Get("Location") != "/api/v1/proposals/"+id || r.str("role") != "owner" {
				t.Fatalf("unexpected create response: %s %v", r.Body.String(), r.Header())
			}
			got := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + id, token: owner.token}).want(200).json()
			sections := got["sections"].([]any)
			if got["template_version"].(float64) != 1 || len(sections) < 12 || sections[0].(map[string]any)["version"].(float64) != 0 {
				t.Fatalf("unexpected proposal: %v", got)
			}
		})
		t.Run("no token", func(t *testing.T) {
			a.do(t, call{method: "POST", path: "/api/v1/proposals", body: valid}).want(401)
		})
	})
}

func TestListProposalsShowsOnlyMine(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		alice, bob := a.signUp(t, "Alice"), a.signUp(t, "Bob")
		for i := 0; i < 3; i++ {
			a.newProposal(t, alice)
		}
		shared := a.newProposal(t, bob)
		a.addMember(t, bob, shared, alice, "reviewer")
		a.newProposal(t, bob)

		page := a.do(t, call{method: "GET", path: "/api/v1/proposals?limit=2", token: alice.token}).want(200).json()
		if page["total"].(float64) != 4 || len(page["items"].([]any)) != 2 {
			t.Fatalf("alice sees %v", page)
		}
		first := page["items"].([]any)[0].(map[string]any)
		if first["id"] != shared || first["role"] != "reviewer" {
			t.Fatalf("the most recently changed proposal, shared with alice, should come first with her role; got %v", page)
		}
		rest := a.do(t, call{method: "GET", path: "/api/v1/proposals?limit=2&offset=2", token: alice.token}).want(200).json()
		if n := len(rest["items"].([]any)); n != 2 {
			t.Fatalf("second page has %d items", n)
		}
		a.do(t, call{method: "GET", path: "/api/v1/proposals?limit=x", token: alice.token}).want(400)
	})
}

func TestProposalAccess(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		id := a.newProposal(t, owner)
		people := map[string]account{"owner": owner, "stranger": a.signUp(t, "Stranger")}
		for _, role := range []string{"editor", "reviewer", "viewer"} {
			people[role] = a.signUp(t, role)
			a.addMember(t, owner, id, people[role], role)
		}
		// Expected status per role; a stranger always gets 404 so the proposal's existence stays hidden.
		tests := []struct {
			method, path string
			body         any
			want         map[string]int
		}{
			{"GET", "", nil, map[string]int{"owner": 200, "editor": 200, "reviewer": 200, "viewer": 200, "stranger": 404}},
			{"PATCH", "", map[string]string{"title": "New title"}, map[string]int{"owner": 200, "editor": 200, "reviewer": 403, "viewer": 403, "stranger": 404}},
			{"GET", "/members", nil, map[string]int{"owner": 200, "editor": 200, "reviewer": 200, "viewer": 200, "stranger": 404}},
			{"POST", "/members", map[string]string{"email": "nobody@example.org", "role": "viewer"}, map[string]int{"editor": 403, "reviewer": 403, "viewer": 403, "stranger": 404, "owner": 400}},
			{"DELETE", "/members/" + owner.id, nil, map[string]int{"editor": 403, "reviewer": 403, "viewer": 403, "stranger": 404, "owner": 409}},
			{"DELETE", "", nil, map[string]int{"editor": 403, "reviewer": 403, "viewer": 403, "stranger": 404}},
		}
		for _, tt := range tests {
			for who, status := range tt.want {
				t.Run(fmt.Sprintf("%s %s as %s", tt.method, tt.path, who), func(t *testing.T) {
					c := call{method: tt.method, path: "/api/v1/proposals/" + id + tt.path, token: people[who].token, body: tt.body}
					if tt.method == "PATCH" { // based on the version just read, so that only the role decides
						c.header = map[string]string{"If-Match": a.do(t, call{method: "GET", path: "/api/v1/proposals/" + id, token: owner.token}).Header().Get("ETag")}
					}
					a.do(t, c).want(status)
				})
			}
		}
		a.do(t, call{method: "GET", path: "/api/v1/proposals/" + id}).want(401)
		a.do(t, call{method: "GET", path: "/api/v1/proposals/does-not-exist", token: owner.token}).want(404)
		a.do(t, call{method: "DELETE", path: "/api/v1/proposals/" + id, token: owner.token}).want(204)
		a.do(t, call{method: "GET", path: "/api/v1/proposals/" + id, token: owner.token}).want(404)
	})
}

func TestUpdateProposal(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		id := a.newProposal(t, owner)
		path := "/api/v1/proposals/" + id
		r := a.do(t, call{method: "PATCH", path: path, token: owner.token, body: map[string]string{"network": "ENPUD", "language": "en"},
			header: map[string]string{"If-Match": `"0"`}}).want(200).json()
		if r["network"] != "ENPUD" || r["language"] != "en" || r["title"] != "Снижение вреда в Бишкеке" {
			t.Fatalf("patch gave %v", r)
		}
		bad := a.do(t, call{method: "PATCH", path: path, token: owner.token, body: map[string]string{"title": " ", "language": "de"},
			header: map[string]string{"If-Match": `"1"`}}).want(400)
		if got := bad.problemFields(); !slices.Contains(got, "title") || !slices.Contains(got, "language") {
			t.Fatalf("problems %v", got)
		}
		if a.do(t, call{method: "GET", path: path, token: owner.token}).want(200).str("language") != "en" {
			t.Fatal("a rejected patch changed the proposal")
		}
	})
}
