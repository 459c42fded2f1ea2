package api

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"iduit/export"
)

func TestExport(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		a.saveText(t, tm, "epidemiology", "data-gaps", "Первый вариант.", 0)
		a.saveText(t, tm, "epidemiology", "data-gaps", "Второй вариант.", 1)
		a.comment(t, tm, "reviewer", map[string]any{"section": "epidemiology", "field": "data-gaps", "quote": "Второй", "body": "Хорошо"})
		path := "/api/v1/proposals/" + tm.id + "/export"
		for _, who := range []string{"editor", "reviewer", "viewer"} {
			a.do(t, call{method: "GET", path: path, token: tm.people[who].token}).want(403)
		}
		a.do(t, call{method: "GET", path: path, token: tm.people["stranger"].token}).want(404)

		var queries atomic.Int64
		if err := a.store.CountQueries(&queries); err != nil {
			t.Fatal(err)
		}
		r := a.do(t, call{method: "GET", path: path, token: tm.people["owner"].token}).want(200)
		if q := queries.Load(); q > 10 { // auth, proposal, sections, revisions, comments, members, 2 documents, authors
			t.Fatalf("export took %d queries", q)
		}
		var doc export.Document
		if err := json.Unmarshal(r.Body.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Format != export.Format || len(doc.Members) != 4 || len(doc.Revisions) != 2 || len(doc.Comments) != 1 {
			t.Fatalf("export %+v", doc)
		}
		if doc.Revisions[0].CreatedBy != tm.people["owner"].email || doc.Comments[0].Author != tm.people["reviewer"].email {
			t.Fatalf("people are not named by email: %+v %+v", doc.Revisions[0], doc.Comments[0])
		}
		var text string
		for _, s := range doc.Sections {
			if s.Key == "epidemiology" {
				_ = json.Unmarshal(s.Fields["data-gaps"], &text)
			}
		}
		if text != "Второй вариант." || doc.Sections[0].Key != "epidemiology" {
			t.Fatalf("sections %+v", doc.Sections[0])
		}
	})
}

// TestExportImportRoundTrip imports an export and exports the copy: the two documents must agree in
// everything but ids, times of export and the members (the importer alone).
func TestExportImportRoundTrip(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		a.saveText(t, tm, "epidemiology", "data-gaps", "Первый вариант.", 0)
		a.saveText(t, tm, "epidemiology", "data-gaps", "Второй вариант про ЛУИН.", 1)
		root := a.comment(t, tm, "reviewer", map[string]any{"section": "epidemiology", "field": "data-gaps", "quote": "ЛУИН", "body": "Уточните"})
		a.comment(t, tm, "editor", map[string]any{"parent_id": root["id"], "body": "Готово"})
		owner := tm.people["owner"]
		a.do(t, call{method: "PUT", path: "/api/v1/proposals/" + tm.id + "/budget", token: owner.token, body: sampleBudget(), header: map[string]string{"If-Match": `"0"`}}).want(200)
		original := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + tm.id + "/export", token: owner.token}).want(200)

		imported := a.do(t, call{method: "POST", path: "/api/v1/proposals/import", token: owner.token, body: original.Body.String()}).want(201).json()
		copyID := imported["proposal"].(map[string]any)["id"].(string)
		if n := len(decodeExport(t, original.Body.Bytes()).Documents); n != 1 {
			t.Fatalf("the export holds %d documents, want the budget", n)
		}
		// Only the importer becomes a member; the other three are listed for re-inviting.
		if copyID == tm.id || len(imported["skipped_members"].([]any)) != 3 {
			t.Fatalf("import %v", imported)
		}
		again := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + copyID + "/export", token: owner.token}).want(200)
		var before, after export.Document
		_ = json.Unmarshal(original.Body.Bytes(), &before)
		_ = json.Unmarshal(again.Body.Bytes(), &after)
		normalise := func(d *export.Document) {
			d.ExportedAt, d.Proposal.ID = time.Time{}, ""
			ids := map[string]string{}
			for i := range d.Comments {
				ids[d.Comments[i].ID] = fmt.Sprint("c", i)
			}
			for i := range d.Comments {
				d.Comments[i].ID, d.Comments[i].ParentID = ids[d.Comments[i].ID], ids[d.Comments[i].ParentID]
			}
			d.Members = slices.DeleteFunc(d.Members, func(m export.Member) bool { return m.Email != owner.email })
		}
		normalise(&before)
		normalise(&after)
		if diff := cmp.Diff(before, after); diff != "" {
			t.Fatalf("the imported proposal differs (-original +copy):\n%s", diff)
		}
		a.do(t, call{method: "POST", path: "/api/v1/proposals/import", token: owner.token, body: `{"format":"something-else","version":1}`}).want(400)
		broken := strings.Replace(original.Body.String(), `"data-gaps"`, `"no-such-field"`, 1)
		a.do(t, call{method: "POST", path: "/api/v1/proposals/import", token: owner.token, body: broken}).want(400)
	})
}

func decodeExport(t *testing.T, body []byte) export.Document {
	t.Helper()
	var d export.Document
	if err := json.Unmarshal(body, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// An export saved while KP-5 was a coverage indicator (a KP-5 row in its gap table) still imports and
// opens; only saving the framework again asks for the row to go.
func TestImportKeepsGapRowsOfReclassifiedIndicator(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		owner := tm.people["owner"]
		a.do(t, call{method: "PUT", path: "/api/v1/proposals/" + tm.id + "/budget", token: owner.token, body: sampleBudget(), header: map[string]string{"If-Match": `"0"`}}).want(200)
		framework := map[string]any{"indicators": []map[string]any{},
			"gaps": []map[string]any{{"indicator": "KP-1d", "year": 2027, "need": 1200, "covered_by_others": 200, "this_request": 300}}}
		a.do(t, call{method: "PUT", path: "/api/v1/proposals/" + tm.id + "/indicators", token: owner.token, body: framework, header: map[string]string{"If-Match": `"0"`}}).want(200)
		body := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + tm.id + "/export", token: owner.token}).want(200).Body.String()
		old := strings.NewReplacer(`"indicator":"KP-1d"`, `"indicator":"KP-5"`, `\"indicator\":\"KP-1d\"`, `\"indicator\":\"KP-5\"`).Replace(body)
		if old == body {
			t.Fatal("the export's gap row was not found to age it")
		}
		imported := a.do(t, call{method: "POST", path: "/api/v1/proposals/import", token: owner.token, body: old}).want(201).json()
		path := "/api/v1/proposals/" + imported["proposal"].(map[string]any)["id"].(string) + "/indicators"
		got := a.do(t, call{method: "GET", path: path, token: owner.token}).want(200).json()
		if gap := got["gaps"].([]any)[0].(map[string]any); gap["indicator"] != "KP-5" || gap["remaining"].(float64) != 700 {
			t.Fatalf("old KP-5 gap row %v", gap)
		}
		framework["gaps"].([]map[string]any)[0]["indicator"] = "KP-5"
		a.do(t, call{method: "PUT", path: path, token: owner.token, body: framework, header: map[string]string{"If-Match": `"1"`}}).want(400)
	})
}
