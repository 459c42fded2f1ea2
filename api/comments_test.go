package api

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
)

// team is a proposal with one member per role, plus a stranger.
type team struct {
	id     string
	people map[string]account
}

func (a *testAPI) newTeam(t *testing.T) team {
	t.Helper()
	owner := a.signUp(t, "Owner")
	tm := team{id: a.newProposal(t, owner), people: map[string]account{"owner": owner, "stranger": a.signUp(t, "Stranger")}}
	for _, role := range []string{"editor", "reviewer", "viewer"} {
		tm.people[role] = a.signUp(t, role)
		a.addMember(t, owner, tm.id, tm.people[role], role)
	}
	return tm
}

func (a *testAPI) saveText(t *testing.T, tm team, section, field, text string, version int) {
	t.Helper()
	a.do(t, call{method: "PUT", path: sectionPath(tm.id, section), token: tm.people["owner"].token,
		body: map[string]any{"fields": map[string]any{field: text}}, header: map[string]string{"If-Match": fmt.Sprintf(`"%d"`, version)}}).want(200)
}

func (a *testAPI) comment(t *testing.T, tm team, who string, body map[string]any) map[string]any {
	t.Helper()
	return a.do(t, call{method: "POST", path: "/api/v1/proposals/" + tm.id + "/comments", token: tm.people[who].token, body: body}).want(201).json()
}

func TestCommentsByRole(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		base := "/api/v1/proposals/" + tm.id + "/comments"
		mine := a.comment(t, tm, "reviewer", map[string]any{"section": "epidemiology", "body": "Add the source of the estimate."})["id"].(string)
		body := map[string]any{"section": "epidemiology", "body": "Комментарий"}
		tests := []struct {
			method, path string
			body         any
			want         map[string]int
		}{
			{"POST", base, body, map[string]int{"owner": 201, "editor": 201, "reviewer": 201, "viewer": 403, "stranger": 404}},
			{"GET", base, nil, map[string]int{"owner": 200, "editor": 200, "reviewer": 200, "viewer": 200, "stranger": 404}},
			{"PATCH", base + "/" + mine, map[string]any{"body": "edited"}, map[string]int{"owner": 403, "editor": 403, "reviewer": 200, "viewer": 403, "stranger": 404}},
			{"POST", base + "/" + mine + "/resolve", nil, map[string]int{"owner": 200, "editor": 200, "reviewer": 200, "viewer": 403, "stranger": 404}},
			{"POST", base + "/" + mine + "/reopen", nil, map[string]int{"owner": 200, "editor": 200, "reviewer": 200, "viewer": 403, "stranger": 404}},
			{"DELETE", base + "/" + mine, nil, map[string]int{"owner": 403, "editor": 403, "viewer": 403, "stranger": 404, "reviewer": 204}},
		}
		for _, tt := range tests {
			for _, who := range []string{"stranger", "viewer", "owner", "editor", "reviewer"} {
				t.Run(fmt.Sprintf("%s %s as %s", tt.method, strings.TrimPrefix(tt.path, base), who), func(t *testing.T) {
					a.do(t, call{method: tt.method, path: tt.path, token: tm.people[who].token, body: tt.body}).want(tt.want[who])
				})
			}
		}
		t.Run("a reviewer never edits text", func(t *testing.T) {
			a.do(t, call{method: "PUT", path: sectionPath(tm.id, "epidemiology"), token: tm.people["reviewer"].token,
				body: `{"fields":{}}`, header: map[string]string{"If-Match": `"0"`}}).want(403)
		})
	})
}

func TestCommentValidation(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		a.saveText(t, tm, "epidemiology", "data-gaps", "Нет свежих данных по ВГС среди ЛУИН в Оше.", 0)
		base := "/api/v1/proposals/" + tm.id + "/comments"
		tests := []struct {
			name string
			body map[string]any
		}{
			{"no body", map[string]any{"section": "epidemiology", "body": " "}},
			{"unknown section", map[string]any{"section": "nope", "body": "x"}},
			{"unknown field", map[string]any{"section": "epidemiology", "field": "nope", "body": "x"}},
			{"quote without field", map[string]any{"section": "epidemiology", "quote": "ВГС", "body": "x"}},
			{"quote not in the text", map[string]any{"section": "epidemiology", "field": "data-gaps", "quote": "Бишкек", "body": "x"}},
			{"quote of a number field", map[string]any{"section": "epidemiology", "field": "pwid-size-estimate", "quote": "1", "body": "x"}},
			{"reply to nothing", map[string]any{"parent_id": "nope", "body": "x"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				a.do(t, call{method: "POST", path: base, token: tm.people["reviewer"].token, body: tt.body}).want(400)
			})
		}
		a.do(t, call{method: "GET", path: base + "?status=maybe", token: tm.people["reviewer"].token}).want(400)
	})
}

// TestQuoteAnchorsFollowTheText: a comment on a quoted passage finds it again after the text moves or is
// edited around it, and is kept, marked outdated, when the passage is deleted.
func TestQuoteAnchorsFollowTheText(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		quote := "доступ к ОЗТ"
		a.saveText(t, tm, "epidemiology", "data-gaps", "Мы расширим доступ к ОЗТ в регионах.", 0)
		c := a.comment(t, tm, "reviewer", map[string]any{"section": "epidemiology", "field": "data-gaps", "quote": quote, "body": "Где именно?"})
		if a := c["anchor"].(map[string]any); a["start"].(float64) != 12 || a["end"].(float64) != 24 {
			t.Fatalf("anchor %v", c["anchor"])
		}
		steps := []struct {
			name, text string
			start      float64
			outdated   bool
		}{
			{"moved", "В регионах мы расширим доступ к ОЗТ.", 23, false},
			{"edited around", "В 2027 году сеть и партнёры расширят доступ к ОЗТ для ЛУИН.", 37, false},
			{"passage deleted", "Мы расширим программы обмена шприцев.", 0, true},
		}
		for i, st := range steps {
			a.saveText(t, tm, "epidemiology", "data-gaps", st.text, i+1)
			list := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + tm.id + "/comments?section=epidemiology", token: tm.people["owner"].token}).want(200).json()["items"].([]any)
			got := list[0].(map[string]any)
			if got["outdated"] != st.outdated || got["quote"] != quote {
				t.Fatalf("%s: comment %v", st.name, got)
			}
			if !st.outdated && got["anchor"].(map[string]any)["start"].(float64) != st.start {
				t.Fatalf("%s: anchor %v, want start %v", st.name, got["anchor"], st.start)
			}
			if st.outdated && got["anchor"] != nil {
				t.Fatalf("%s: an outdated comment still has an anchor %v", st.name, got["anchor"])
			}
		}
	})
}

func TestThreadsResolveTogether(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		base := "/api/v1/proposals/" + tm.id + "/comments"
		root := a.comment(t, tm, "reviewer", map[string]any{"section": "risks", "body": "Риск для активистов не описан."})["id"].(string)
		reply := a.comment(t, tm, "editor", map[string]any{"parent_id": root, "body": "Добавим в 4.3."})
		if reply["section"] != "risks" || reply["parent_id"] != root {
			t.Fatalf("reply %v", reply)
		}
		a.do(t, call{method: "POST", path: base, token: tm.people["owner"].token, body: map[string]any{"parent_id": reply["id"], "body": "x"}}).want(400)
		a.do(t, call{method: "POST", path: base + "/" + reply["id"].(string) + "/resolve", token: tm.people["owner"].token}).want(200)
		open := a.do(t, call{method: "GET", path: base + "?status=open", token: tm.people["owner"].token}).json()["items"].([]any)
		resolved := a.do(t, call{method: "GET", path: base + "?status=resolved", token: tm.people["owner"].token}).json()["items"].([]any)
		if len(open) != 0 || len(resolved) != 2 {
			t.Fatalf("after resolving: %d open, %d resolved; want the whole thread resolved", len(open), len(resolved))
		}
		a.do(t, call{method: "DELETE", path: base + "/" + root, token: tm.people["reviewer"].token}).want(204)
		kept := a.do(t, call{method: "GET", path: base, token: tm.people["owner"].token}).json()["items"].([]any)
		if len(kept) != 2 || kept[0].(map[string]any)["deleted"] != true || kept[0].(map[string]any)["body"] != "" {
			t.Fatalf("deleting a comment with replies should blank it and keep the thread: %v", kept)
		}
	})
}

func TestMentionsNotifyMembers(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		editor := tm.people["editor"]
		body := fmt.Sprintf("@%s, добавьте источник. Also @nobody@example.org and @%s.", strings.ToUpper(editor.email), tm.people["stranger"].email)
		c := a.comment(t, tm, "reviewer", map[string]any{"section": "epidemiology", "body": body})
		list := a.do(t, call{method: "GET", path: "/api/v1/notifications?unread=true", token: editor.token}).want(200).json()
		items := list["items"].([]any)
		if len(items) != 1 || items[0].(map[string]any)["comment_id"] != c["id"] {
			t.Fatalf("editor's notifications %v", list)
		}
		if n := a.do(t, call{method: "GET", path: "/api/v1/notifications", token: tm.people["stranger"].token}).json()["total"].(float64); n != 0 {
			t.Fatal("a non-member was notified")
		}
		id := items[0].(map[string]any)["id"].(string)
		a.do(t, call{method: "POST", path: "/api/v1/notifications/" + id + "/read", token: tm.people["owner"].token}).want(404)
		a.do(t, call{method: "POST", path: "/api/v1/notifications/" + id + "/read", token: editor.token}).want(204)
		if n := a.do(t, call{method: "GET", path: "/api/v1/notifications?unread=true", token: editor.token}).json()["total"].(float64); n != 0 {
			t.Fatalf("%v unread after marking read", n)
		}
	})
}

func TestHiddenReviewerNames(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		a.do(t, call{method: "PATCH", path: "/api/v1/proposals/" + tm.id, token: tm.people["editor"].token, body: map[string]any{"hide_reviewer_names": true}, header: map[string]string{"If-Match": `"0"`}}).want(403)
		a.do(t, call{method: "PATCH", path: "/api/v1/proposals/" + tm.id, token: tm.people["owner"].token, body: map[string]any{"hide_reviewer_names": true}, header: map[string]string{"If-Match": `"0"`}}).want(200)
		a.comment(t, tm, "reviewer", map[string]any{"section": "epidemiology", "body": "Candid remark"})
		seen := func(who string) map[string]any {
			items := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + tm.id + "/comments", token: tm.people[who].token}).json()["items"].([]any)
			return items[0].(map[string]any)["author"].(map[string]any)
		}
		if author := seen("editor"); author["id"] != nil || !strings.HasPrefix(author["name"].(string), "Reviewer ") {
			t.Fatalf("an editor sees the reviewer as %v", author)
		}
		if author := seen("reviewer"); author["id"] != tm.people["reviewer"].id {
			t.Fatalf("the reviewer sees themself as %v", author)
		}
		members := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + tm.id + "/members", token: tm.people["viewer"].token}).Body.String()
		if strings.Contains(members, tm.people["reviewer"].email) {
			t.Fatal("the members list shows the hidden reviewer's email to a viewer")
		}
	})
}

func TestListingCommentsIsAFixedNumberOfQueries(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		var queries atomic.Int64
		if err := a.store.CountQueries(&queries); err != nil {
			t.Fatal(err)
		}
		tm := a.newTeam(t)
		a.saveText(t, tm, "epidemiology", "data-gaps", "Нет данных по ВГС среди ЛУИН.", 0)
		list := func() (int64, int) {
			before := queries.Load()
			n := len(a.do(t, call{method: "GET", path: "/api/v1/proposals/" + tm.id + "/comments", token: tm.people["owner"].token}).want(200).json()["items"].([]any))
			return queries.Load() - before, n
		}
		add := func(n int) {
			for i := 0; i < n; i++ {
				who := []string{"owner", "editor", "reviewer"}[i%3]
				a.comment(t, tm, who, map[string]any{"section": "epidemiology", "field": "data-gaps", "quote": "ВГС", "body": fmt.Sprint("№", i)})
			}
		}
		add(2)
		few, n1 := list()
		add(40)
		many, n2 := list()
		if n1 != 2 || n2 != 42 || few != many || many > 5 {
			t.Fatalf("listing %d comments took %d queries, %d comments took %d; want the same small number", n1, few, n2, many)
		}
	})
}
