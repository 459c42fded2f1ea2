package api

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"iduit/export"
	"iduit/internal/testdb"
	"iduit/models"
	"iduit/service"
	"iduit/templates"
)

// testdbEach is eachAPI with a service configured by cfg.
func testdbEach(t *testing.T, cfg service.Config, fn func(t *testing.T, a *testAPI)) {
	testdb.Each(t, func(t *testing.T, store *models.Store) {
		catalogue, err := templates.Embedded()
		if err != nil {
			t.Fatal(err)
		}
		h := newRouter(service.New(store, catalogue, cfg), store.Ping)
		fn(t, &testAPI{t: t, handler: h, store: store})
	})
}

// importDoc posts an export document, as JSON, to the import endpoint.
func (a *testAPI) importDoc(t *testing.T, who account, doc export.Document, header map[string]string) result {
	t.Helper()
	body, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return a.do(t, call{method: "POST", path: "/api/v1/proposals/import", token: who.token, body: body, header: header})
}

// teamExport is an export of a team's proposal with history by several people.
func (a *testAPI) teamExport(t *testing.T) (team, export.Document) {
	t.Helper()
	tm := a.newTeam(t)
	a.saveText(t, tm, "epidemiology", "data-gaps", "Первый вариант про ЛУИН.", 0)
	root := a.comment(t, tm, "reviewer", map[string]any{"section": "epidemiology", "field": "data-gaps", "quote": "ЛУИН", "body": "Уточните"})
	a.comment(t, tm, "editor", map[string]any{"parent_id": root["id"], "body": "Готово"})
	r := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + tm.id + "/export", token: tm.people["owner"].token}).want(200)
	return tm, decodeExport(t, r.Body.Bytes())
}

// TestImportDoesNotTrustTheFile: an export is somebody's claim. Only the importer becomes a member, a
// proposal starts as a draft, versions are renumbered so that saves work afterwards, and broken comment
// threads are refused naming the comment.
func TestImportDoesNotTrustTheFile(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm, doc := a.teamExport(t)
		other := a.signUp(t, "Other")
		victim := tm.people["viewer"]
		doc.Members = append(doc.Members, export.Member{Email: victim.email, Name: "Victim", Role: "owner"})
		doc.Proposal.Status = "final"
		for i := range doc.Sections {
			if doc.Sections[i].Key == "epidemiology" {
				doc.Sections[i].Version = 1<<63 - 1
			}
		}
		doc.Revisions[0].Number = 40
		imported := a.importDoc(t, other, doc, nil).want(201).json()
		p := imported["proposal"].(map[string]any)
		id := p["id"].(string)
		if p["status"] != "draft" {
			t.Errorf("imported status %v, want draft", p["status"])
		}
		// Nobody named in the file gets the proposal.
		for _, who := range []string{"owner", "editor", "reviewer", "viewer"} {
			a.do(t, call{method: "GET", path: "/api/v1/proposals/" + id, token: tm.people[who].token}).want(404)
		}
		members := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + id + "/members", token: other.token}).want(200)
		if n := strings.Count(members.Body.String(), `"role"`); n != 1 {
			t.Errorf("the copy has %d members, want the importer alone: %s", n, members.Body.String())
		}
		// History keeps the people's names as text; they are not linked to the accounts here.
		again := decodeExport(t, a.do(t, call{method: "GET", path: "/api/v1/proposals/" + id + "/export", token: other.token}).want(200).Body.Bytes())
		if again.Comments[0].Author != tm.people["reviewer"].email || again.Revisions[0].CreatedBy != tm.people["owner"].email {
			t.Errorf("history lost its authors: %+v %+v", again.Comments[0], again.Revisions[0])
		}
		// Their comments show their names, link to nobody and are not the importer's to edit.
		comments := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + id + "/comments", token: other.token}).want(200).json()["items"].([]any)
		first := comments[0].(map[string]any)
		if author := first["author"].(map[string]any); author["id"] != nil || author["name"] != tm.people["reviewer"].email {
			t.Errorf("an imported comment's author is %v", author)
		}
		a.do(t, call{method: "PATCH", path: "/api/v1/proposals/" + id + "/comments/" + first["id"].(string), token: other.token,
			body: map[string]string{"body": "переписано"}}).want(403)
		// The section was renumbered: the next save goes on from its real history.
		sec := a.do(t, call{method: "GET", path: sectionPath(id, "epidemiology"), token: other.token}).want(200)
		if sec.Header().Get("ETag") != `"1"` {
			t.Fatalf("imported section at ETag %s, want \"1\"", sec.Header().Get("ETag"))
		}
		a.do(t, call{method: "PUT", path: sectionPath(id, "epidemiology"), token: other.token, header: map[string]string{"If-Match": `"1"`},
			body: map[string]any{"fields": map[string]any{"data-gaps": "Дальше."}}}).want(200)
	})
}

func TestImportRefusesBrokenFiles(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm, doc := a.teamExport(t)
		owner := tm.people["owner"]
		tests := map[string]struct {
			change func(d *export.Document)
			field  string
		}{
			"self-parent":       {func(d *export.Document) { d.Comments[0].ParentID = d.Comments[0].ID }, "comments[0].parent_id"},
			"cycle":             {func(d *export.Document) { d.Comments[0].ParentID = d.Comments[1].ID }, "comments[0].parent_id"},
			"unknown status":    {func(d *export.Document) { d.Comments[0].Status = "archived" }, "comments[0].status"},
			"unknown field":     {func(d *export.Document) { d.Comments[0].Field = "no-such-field" }, "comments[0].field"},
			"NUL in quote":      {func(d *export.Document) { d.Comments[0].Quote = "ЛУ\x00ИН" }, "comments[0].quote"},
			"quote beyond int4": {func(d *export.Document) { d.Comments[0].QuoteStart = 1 << 40 }, "comments[0].quote_start"},
		}
		for name, tc := range tests {
			t.Run(name, func(t *testing.T) {
				var d export.Document
				raw, _ := json.Marshal(doc)
				_ = json.Unmarshal(raw, &d)
				tc.change(&d)
				r := a.importDoc(t, owner, d, nil)
				if r.Code != http.StatusBadRequest || !strings.Contains(r.Body.String(), tc.field) {
					t.Fatalf("status %d, want 400 naming %s: %s", r.Code, tc.field, r.Body.String())
				}
			})
		}
	})
}

// TestImportLimits: an import is bounded in revisions and comments, each refused with 413 naming the limit.
func TestImportLimits(t *testing.T) {
	testdbEach(t, service.Config{Passwords: cheapPasswords, Imports: service.ImportLimits{MaxRevisions: 1, MaxComments: 1}}, func(t *testing.T, a *testAPI) {
		tm, doc := a.teamExport(t)
		owner := tm.people["owner"]
		doc.Revisions = append(doc.Revisions, doc.Revisions[0])
		doc.Revisions[1].Number = 2
		r := a.importDoc(t, owner, doc, nil).want(http.StatusRequestEntityTooLarge)
		if !strings.Contains(r.Body.String(), "revisions") {
			t.Fatalf("the refusal does not name the limit: %s", r.Body.String())
		}
		doc.Revisions = doc.Revisions[:1]
		r = a.importDoc(t, owner, doc, nil).want(http.StatusRequestEntityTooLarge)
		if !strings.Contains(r.Body.String(), "comments") {
			t.Fatalf("the refusal does not name the limit: %s", r.Body.String())
		}
	})
}

// TestImportIsIdempotent: a retried import (the reply was lost, the client sends it again) returns the
// first import's proposal instead of making a second copy, by Idempotency-Key or by the export's own id.
func TestImportIsIdempotent(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm, doc := a.teamExport(t)
		owner := tm.people["owner"]
		count := func() int {
			return int(a.do(t, call{method: "GET", path: "/api/v1/proposals", token: owner.token}).want(200).json()["total"].(float64))
		}
		before := count()
		key := map[string]string{"Idempotency-Key": "retry-" + tm.id}
		first := a.importDoc(t, owner, doc, key).want(201).json()["proposal"].(map[string]any)["id"]
		second := a.importDoc(t, owner, doc, key).want(200).json()["proposal"].(map[string]any)["id"]
		if first != second || count() != before+1 {
			t.Fatalf("a retry with the same key made another copy: %v %v, %d proposals", first, second, count())
		}
		// Without a key, the same file (same export id and time) is the same import.
		third := a.importDoc(t, owner, doc, nil).want(201).json()["proposal"].(map[string]any)["id"]
		fourth := a.importDoc(t, owner, doc, nil).want(200).json()["proposal"].(map[string]any)["id"]
		if third != fourth || count() != before+2 {
			t.Fatalf("a retry of the same file made another copy: %v %v", third, fourth)
		}
		// Another person importing the same file gets their own copy.
		editor := tm.people["editor"]
		copyID := a.importDoc(t, editor, doc, key).want(201).json()["proposal"].(map[string]any)["id"].(string)
		// Once the first import is gone, the same key imports afresh.
		a.do(t, call{method: "DELETE", path: "/api/v1/proposals/" + copyID, token: editor.token}).want(204)
		a.importDoc(t, editor, doc, key).want(201)
	})
}
