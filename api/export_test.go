package api

import (
	"encoding/json"
	"sync/atomic"
	"testing"

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
		if q := queries.Load(); q > 8 {
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
