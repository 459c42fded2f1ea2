package api

import (
	"testing"
)

func TestDiffAndRestore(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		path := sectionPath(tm.id, "epidemiology")
		a.saveText(t, tm, "epidemiology", "data-gaps", "Нет данных о ВГС среди ЛУИН в Бишкеке.", 0)
		a.saveText(t, tm, "epidemiology", "data-gaps", "Нет данных о ВГС среди ЛУИН в Оше.", 1)

		diff := a.do(t, call{method: "GET", path: path + "/revisions/1/diff/2", token: tm.people["viewer"].token}).want(200).json()
		fields := diff["fields"].([]any)
		if len(fields) != 1 {
			t.Fatalf("diff %v", diff)
		}
		ops := fields[0].(map[string]any)["ops"].([]any)
		want := []string{"equal:Нет данных о ВГС среди ЛУИН в ", "delete:Бишкеке", "insert:Оше", "equal:."}
		if len(ops) != len(want) {
			t.Fatalf("ops %v", ops)
		}
		for i, op := range ops {
			o := op.(map[string]any)
			if got := o["op"].(string) + ":" + o["text"].(string); got != want[i] {
				t.Fatalf("op %d is %q, want %q", i, got, want[i])
			}
		}
		a.do(t, call{method: "GET", path: path + "/revisions/0/diff/2", token: tm.people["viewer"].token}).want(200)
		a.do(t, call{method: "GET", path: path + "/revisions/1/diff/9", token: tm.people["viewer"].token}).want(404)

		restore := path + "/revisions/1/restore"
		a.do(t, call{method: "POST", path: restore, token: tm.people["reviewer"].token, header: map[string]string{"If-Match": `"2"`}}).want(403)
		a.do(t, call{method: "POST", path: restore, token: tm.people["editor"].token}).want(428)
		a.do(t, call{method: "POST", path: restore, token: tm.people["editor"].token, header: map[string]string{"If-Match": `"1"`}}).want(412)
		r := a.do(t, call{method: "POST", path: restore, token: tm.people["editor"].token, header: map[string]string{"If-Match": `"2"`}}).want(200)
		if r.Header().Get("ETag") != `"3"` || r.json()["fields"].(map[string]any)["data-gaps"] != "Нет данных о ВГС среди ЛУИН в Бишкеке." {
			t.Fatalf("restore gave %s", r.Body.String())
		}
		revs := a.do(t, call{method: "GET", path: path + "/revisions", token: tm.people["viewer"].token}).json()
		if revs["total"].(float64) != 3 {
			t.Fatalf("restoring must add a revision, not rewrite history: %v", revs)
		}
	})
}

func TestActivity(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		a.saveText(t, tm, "epidemiology", "data-gaps", "Текст.", 0)
		c := a.comment(t, tm, "reviewer", map[string]any{"section": "epidemiology", "body": "Почему так коротко?"})
		a.do(t, call{method: "POST", path: "/api/v1/proposals/" + tm.id + "/comments/" + c["id"].(string) + "/resolve", token: tm.people["owner"].token}).want(200)
		a.setStatus(t, tm, "owner", "in_review", 200)

		page := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + tm.id + "/activity?limit=4", token: tm.people["viewer"].token}).want(200).json()
		var kinds []string
		for _, it := range page["items"].([]any) {
			kinds = append(kinds, it.(map[string]any)["kind"].(string))
		}
		want := []string{"status_changed", "comment_resolved", "comment_added", "section_saved"}
		for i := range want {
			if i >= len(kinds) || kinds[i] != want[i] {
				t.Fatalf("activity newest first is %v, want %v first", kinds, want)
			}
		}
		// 3 member_added + 1 save + 1 comment + 1 resolve + 1 status
		if page["total"].(float64) != 7 {
			t.Fatalf("total %v", page["total"])
		}
		a.do(t, call{method: "GET", path: "/api/v1/proposals/" + tm.id + "/activity", token: tm.people["stranger"].token}).want(404)
	})
}
