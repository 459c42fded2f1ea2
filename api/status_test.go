package api

import (
	"fmt"
	"testing"

	"iduit/templates"
)

func (a *testAPI) setStatus(t *testing.T, tm team, who, status string, want int) {
	t.Helper()
	a.do(t, call{method: "POST", path: "/api/v1/proposals/" + tm.id + "/status", token: tm.people[who].token,
		body: map[string]string{"status": status, "note": "шаг"}}).want(want)
}

// fillAll answers every field of the proposal so that the check for errors passes.
func (a *testAPI) fillAll(t *testing.T, tm team) {
	t.Helper()
	c, _ := templates.Embedded()
	tpl, _ := c.Latest(testTemplate)
	for _, sec := range tpl.Sections {
		fields := map[string]any{}
		for j := range sec.Fields {
			fields[sec.Fields[j].Key] = answer(&sec.Fields[j], false)
		}
		a.do(t, call{method: "PUT", path: sectionPath(tm.id, sec.Key), token: tm.people["editor"].token, body: map[string]any{"fields": fields},
			header: map[string]string{"If-Match": `"0"`}}).want(200)
	}
}

func TestStatusTransitions(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		steps := []struct {
			who, to string
			want    int
		}{
			{"owner", "approved", 409},     // draft cannot jump to approved
			{"reviewer", "in_review", 403}, // only owner/editor send for review
			{"editor", "in_review", 200},   // draft → in_review
			{"editor", "approved", 403},    // only reviewers approve
			{"reviewer", "changes_requested", 200},
			{"reviewer", "approved", 409}, // changes_requested → approved is not a step
			{"owner", "in_review", 200},   // back to review after changes
			{"viewer", "approved", 403},
			{"stranger", "approved", 404},
			{"reviewer", "approved", 200},
			{"editor", "final", 403},    // only the owner marks final
			{"owner", "final", 422},     // the check finds errors
			{"owner", "published", 409}, // not a status
		}
		for i, st := range steps {
			t.Run(fmt.Sprintf("%d %s to %s", i, st.who, st.to), func(t *testing.T) { a.setStatus(t, tm, st.who, st.to, st.want) })
		}
		r := a.do(t, call{method: "POST", path: "/api/v1/proposals/" + tm.id + "/status", token: tm.people["owner"].token, body: map[string]string{"status": "final"}}).want(422)
		if len(r.problemFields()) == 0 {
			t.Fatalf("422 lists no errors: %s", r.Body.String())
		}
		a.fillAll(t, tm)
		a.setStatus(t, tm, "owner", "final", 200)

		t.Run("a final proposal is read-only", func(t *testing.T) {
			a.do(t, call{method: "PUT", path: sectionPath(tm.id, "epidemiology"), token: tm.people["owner"].token, body: `{"fields":{}}`,
				header: map[string]string{"If-Match": `"1"`}}).want(409)
			a.do(t, call{method: "PATCH", path: "/api/v1/proposals/" + tm.id, token: tm.people["owner"].token, body: map[string]string{"title": "x"},
				header: map[string]string{"If-Match": `"0"`}}).want(409)
			a.do(t, call{method: "POST", path: "/api/v1/proposals/" + tm.id + "/comments", token: tm.people["reviewer"].token,
				body: map[string]string{"section": "risks", "body": "x"}}).want(409)
			a.do(t, call{method: "POST", path: sectionPath(tm.id, "epidemiology") + "/revisions/1/restore", token: tm.people["owner"].token,
				header: map[string]string{"If-Match": `"1"`}}).want(409)
		})
		a.setStatus(t, tm, "editor", "draft", 403)
		a.setStatus(t, tm, "owner", "draft", 200) // the owner reopens
		a.do(t, call{method: "PATCH", path: "/api/v1/proposals/" + tm.id, token: tm.people["owner"].token, body: map[string]string{"title": "x"},
			header: map[string]string{"If-Match": `"0"`}}).want(200)

		snaps := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + tm.id + "/snapshots", token: tm.people["viewer"].token}).want(200).json()["items"].([]any)
		if len(snaps) != 6 {
			t.Fatalf("%d snapshots after 6 transitions", len(snaps))
		}
		final := snaps[1].(map[string]any)
		one := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + tm.id + "/snapshots/" + final["id"].(string), token: tm.people["viewer"].token}).want(200).json()
		if one["status"] != "final" || len(one["sections"].([]any)) < 12 {
			t.Fatalf("final snapshot %v", one["status"])
		}
		for _, s := range one["sections"].([]any) {
			if s.(map[string]any)["version"].(float64) != 1 {
				t.Fatalf("the final snapshot holds a section that was not at its final version: %v", s)
			}
		}
	})
}
