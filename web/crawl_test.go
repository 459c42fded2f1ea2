package web

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"iduit/httpkit"
)

var (
	commentID = regexp.MustCompile(`id="c-([A-Za-z0-9_-]+)-h"`)
	leaveForm = regexp.MustCompile(`action="(/proposals/[^"]+/members/[^"]+/remove)"`)
)

// TestCrawlEveryPageAsEveryRole: after a scenario that touches every feature (sections saved twice,
// comments added, answered, edited, resolved and deleted, a status change each way, budget, indicators,
// members added and one who left, an import), every page route is opened as the owner, an editor, a
// reviewer, a viewer, a signed-in non-member and someone signed out, in both languages, and none
// answers 5xx. The routes come from the router itself, so a new page is crawled without editing this.
func TestCrawlEveryPageAsEveryRole(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		owner := s.visitor()
		ownerEmail := owner.signUp("Aida Owner")
		id := owner.createProposal("Crawl", "ru", true)
		roles := map[string]*visitor{"owner": owner}
		for _, role := range []string{"editor", "reviewer", "viewer"} {
			roles[role] = addMemberAs(s, owner, id, "Member "+role, role)
		}
		roles["non-member"] = s.visitor()
		roles["non-member"].signUp("Nina Outsider")
		roles["signed out"] = s.visitor()
		leaver := addMemberAs(s, owner, id, "Lev Leaving", "reviewer")

		sec := "/proposals/" + id + "/sections/epidemiology"
		saveSection(owner, sec, "0", "Первый текст", "First text")
		saveSection(roles["editor"], sec, "1", "Второй текст", "Second text")
		leaver.get(sec)
		mustSee(t, leaver.post(sec+"/comments", url.Values{"body": {"Please check this @Aida"}, "field": {"hiv-hcv-epidemiology"}}), "leaver's comment")
		reviewer := roles["reviewer"]
		reviewer.get(sec)
		mustSee(t, reviewer.post(sec+"/comments", url.Values{"body": {"A question"}, "field": {"hiv-hcv-epidemiology"}}), "comment")
		ids := commentID.FindAllStringSubmatch(owner.get(sec).Body, -1)
		if len(ids) < 2 {
			t.Fatalf("expected two comments on the page, found %d", len(ids))
		}
		first, second := ids[0][1], ids[1][1]
		mustSee(t, owner.post(sec+"/comments", url.Values{"body": {"An answer"}, "parent_id": {second}}), "reply")
		reviewer.get(sec)
		mustSee(t, reviewer.post("/proposals/"+id+"/comments/"+second+"/edit", url.Values{"body": {"A clearer question"}}), "edit")
		mustSee(t, owner.post("/proposals/"+id+"/comments/"+second+"/resolve", url.Values{"section": {"epidemiology"}}), "resolve")
		mustSee(t, owner.post("/proposals/"+id+"/comments/"+second+"/reopen", url.Values{"section": {"epidemiology"}}), "reopen")
		owner.get(sec)
		mustSee(t, owner.post("/proposals/"+id+"/comments/"+first+"/resolve", url.Values{"section": {"epidemiology"}}), "resolve")

		owner.get("/proposals/" + id + "/budget")
		mustSee(t, owner.post("/proposals/"+id+"/budget", budgetPost("0")), "budget")
		owner.get("/proposals/" + id + "/indicators")
		mustSee(t, owner.post("/proposals/"+id+"/indicators", url.Values{"version": {"0"}, "rows": {"1"}, "gap_rows": {"0"},
			"i.0.code": {"KP-1d"}, "i.0.b.num": {"412"}, "i.0.b.den": {"1000"}, "i.0.b.year": {"2025"}, "i.0.b.source": {"IBBS 2025"}, "i.0.t1.value": {"55,5"}, "i.0.t1.num": {"555"}, "i.0.t1.den": {"1000"}}), "indicators")

		owner.get("/proposals/" + id)
		mustSee(t, owner.post("/proposals/"+id+"/status", url.Values{"status": {"in_review"}, "note": {"Ready"}}), "to review")
		reviewer.get("/proposals/" + id)
		mustSee(t, reviewer.post("/proposals/"+id+"/status", url.Values{"status": {"changes_requested"}, "note": {"More data"}}), "changes requested")

		m := leaveForm.FindAllStringSubmatch(leaver.get("/proposals/"+id+"/members").Body, -1)
		if len(m) != 1 {
			t.Fatalf("the leaving reviewer sees %d remove forms, want their own", len(m))
		}
		mustSee(t, leaver.post(m[0][1], url.Values{}), "leave")

		imported := importCopy(t, s, ownerEmail, id)

		routes := pageRoutes(t, s)
		for _, lang := range []string{"en", "ru"} {
			for role, v := range roles {
				if role != "signed out" {
					v.get("/proposals")
					v.post("/lang", url.Values{"lang": {lang}, "next": {"/"}})
				}
				for _, proposal := range []string{id, imported} {
					for _, path := range expand(routes, proposal) {
						if p := v.get(path); p.Status >= 500 {
							t.Errorf("%s (%s) GET %s: %d", role, lang, path, p.Status)
						}
					}
				}
			}
		}
	})
}

func saveSection(v *visitor, sec, version, ru, en string) {
	v.t.Helper()
	v.get(sec)
	p := v.post(sec, url.Values{"version": {version}, "t.hiv-hcv-epidemiology.ru": {ru}, "t.hiv-hcv-epidemiology.en": {en}})
	if p.Status != http.StatusSeeOther {
		v.t.Fatalf("save %s: %d\n%s", sec, p.Status, p.Body)
	}
}

// mustSee fails when a step of the scenario was refused: the crawl is only as good as the data behind it.
func mustSee(t *testing.T, p page, step string) {
	t.Helper()
	if p.Status != http.StatusSeeOther {
		t.Fatalf("%s: %d\n%s", step, p.Status, p.Body)
	}
}

// importCopy exports the proposal and imports it back through the API as the owner.
func importCopy(t *testing.T, s *testSite, email, id string) string {
	t.Helper()
	token := apiToken(t, s, email)
	export := apiCall(t, s, token, http.MethodGet, "/api/v1/proposals/"+id+"/export", "", http.StatusOK)
	var created struct {
		Proposal struct {
			ID string `json:"id"`
		} `json:"proposal"`
	}
	if err := json.Unmarshal([]byte(apiCall(t, s, token, http.MethodPost, "/api/v1/proposals/import", export, http.StatusCreated)), &created); err != nil || created.Proposal.ID == "" {
		t.Fatalf("import answered no proposal id: %v", err)
	}
	return created.Proposal.ID
}

func apiToken(t *testing.T, s *testSite, email string) string {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"email": email, "password": "correct horse battery"})
	var session struct{ Token string }
	if err := json.Unmarshal([]byte(apiCall(t, s, "", http.MethodPost, "/api/v1/sessions", string(body), http.StatusCreated)), &session); err != nil {
		t.Fatal(err)
	}
	return session.Token
}

func apiCall(t *testing.T, s *testSite, token, method, path, body string, want int) string {
	t.Helper()
	req, _ := http.NewRequest(method, s.srv.URL+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if method == http.MethodPatch {
		// The tests' PATCHes are each the first change of a new proposal's attributes, at version 0.
		req.Header.Set("If-Match", `"0"`)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		t.Fatalf("%s %s: %d, want %d\n%s", method, path, resp.StatusCode, want, out)
	}
	return string(out)
}

// pageRoutes lists the GET routes the pages mount, read from a router they are mounted on.
func pageRoutes(t *testing.T, s *testSite) []string {
	t.Helper()
	pages, err := New(Config{Service: s.svc, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), CSRFSecret: []byte("test-secret-of-at-least-16-bytes")})
	if err != nil {
		t.Fatal(err)
	}
	r := httpkit.New(httpkit.Config{Pages: pages})
	pages.Mount(r)
	var out []string
	for _, route := range r.Routes() {
		if route.Method == http.MethodGet {
			out = append(out, route.Path)
		}
	}
	if len(out) < 10 {
		t.Fatalf("only %d page routes found", len(out))
	}
	return out
}

// expand fills each route's parameters with real values: the proposal, each of its sections, the first
// two revisions, a static file; an unknown value too, for the error pages.
func expand(routes []string, proposal string) []string {
	values := map[string][]string{
		":id":   {proposal},
		":key":  {"epidemiology", "programmatic-gaps", "no-such-section"},
		":n":    {"1", "2", "99"},
		":file": {"app.css", "app.js"},
	}
	out := []string{}
	for _, r := range routes {
		paths := []string{""}
		for _, part := range strings.Split(strings.TrimPrefix(r, "/"), "/") {
			choices := []string{part}
			if vs, ok := values[part]; ok {
				choices = vs
			}
			var next []string
			for _, p := range paths {
				for _, c := range choices {
					next = append(next, p+"/"+c)
				}
			}
			paths = next
		}
		out = append(out, paths...)
	}
	return out
}
