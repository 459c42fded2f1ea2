package api

import (
	"strings"
	"testing"
)

// TestHiddenReviewersStayHiddenEverywhere: with hide_reviewer_names, no response an applicant (editor or
// viewer) can read names the reviewer — not the mention or status-change notifications, not the comments, activity and
// approval snapshot, and not after the reviewer has left the proposal. Owners still see who it was.
func TestHiddenReviewersStayHiddenEverywhere(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		owner, reviewer, editor := tm.people["owner"], tm.people["reviewer"], tm.people["editor"]
		base := "/api/v1/proposals/" + tm.id
		a.do(t, call{method: "PATCH", path: base, token: owner.token, body: map[string]any{"hide_reviewer_names": true},
			header: map[string]string{"If-Match": `"0"`}}).want(200)
		a.comment(t, tm, "reviewer", map[string]any{"section": "epidemiology", "body": "@" + editor.email + " please cite the 2023 estimate"})
		a.saveText(t, tm, "epidemiology", "data-gaps", "Нет данных о ВГС.", 0)
		sg := a.suggest(t, tm, "reviewer", map[string]any{"section": "epidemiology", "field": "data-gaps", "quote": "ВГС", "replacement": "гепатите C"}).want(201).str("id")
		a.do(t, call{method: "POST", path: base + "/suggestions/" + sg + "/accept", token: editor.token, header: map[string]string{"If-Match": `"1"`}}).want(200)
		a.do(t, call{method: "POST", path: base + "/status", token: owner.token, body: map[string]any{"status": "in_review"}}).want(200)
		a.do(t, call{method: "POST", path: base + "/status", token: reviewer.token, body: map[string]any{"status": "approved", "note": "Fine"}}).want(200)

		// The reviewer's name as the sign-up made it ("reviewer"), their id and email.
		identity := []string{reviewer.id, reviewer.email}
		exposes := func(body string) string {
			for _, s := range identity {
				if strings.Contains(body, s) {
					return s
				}
			}
			if strings.Contains(body, `"name":"reviewer"`) {
				return "the name"
			}
			return ""
		}
		reads := []string{base + "/comments", base + "/suggestions", base + "/activity", base + "/snapshots", base + "/members", "/api/v1/notifications"}
		check := func(when string) {
			t.Helper()
			for _, who := range []string{"editor", "viewer"} {
				for _, path := range reads {
					body := a.do(t, call{method: "GET", path: path, token: tm.people[who].token}).want(200).Body.String()
					if leak := exposes(body); leak != "" {
						t.Errorf("%s: the %s reads %s in GET %s: %s", when, who, leak, path, body)
					}
				}
			}
			snaps := a.do(t, call{method: "GET", path: base + "/snapshots", token: editor.token}).json()["items"].([]any)
			sid := snaps[len(snaps)-1].(map[string]any)["id"].(string)
			if body := a.do(t, call{method: "GET", path: base + "/snapshots/" + sid, token: editor.token}).want(200).Body.String(); exposes(body) != "" {
				t.Errorf("%s: the approval snapshot names the reviewer to the editor", when)
			}
		}
		notes := a.do(t, call{method: "GET", path: "/api/v1/notifications", token: editor.token}).json()["items"].([]any)
		// The mention and the two status changes, the reviewer's approval among them, must all hide the reviewer.
		if len(notes) != 3 {
			t.Fatalf("the editor has %d notifications, want the mention and two status changes", len(notes))
		}
		check("while a member")

		a.do(t, call{method: "DELETE", path: base + "/members/" + reviewer.id, token: reviewer.token}).want(204)
		check("after leaving")

		if body := a.do(t, call{method: "GET", path: base + "/comments", token: owner.token}).Body.String(); !strings.Contains(body, reviewer.id) {
			t.Error("the owner no longer sees who wrote the reviewer's comment")
		}
	})
}
