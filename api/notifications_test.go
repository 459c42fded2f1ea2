package api

import (
	"testing"
)

// TestReplyAndStatusNotifications: a reply tells everyone who wrote in the thread but the replier (and
// not the mentioned twice); a status change tells every member but the one who made it, naming the new
// status and the page.
func TestReplyAndStatusNotifications(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		kinds := func(who string) []string {
			t.Helper()
			var out []string
			for _, it := range a.do(t, call{method: "GET", path: "/api/v1/notifications", token: tm.people[who].token}).want(200).json()["items"].([]any) {
				n := it.(map[string]any)
				out = append(out, n["kind"].(string)+":"+n["detail"].(string))
			}
			return out
		}
		root := a.comment(t, tm, "reviewer", map[string]any{"section": "epidemiology", "body": "A question"})["id"].(string)
		a.comment(t, tm, "editor", map[string]any{"parent_id": root, "body": "An answer"})
		a.comment(t, tm, "owner", map[string]any{"parent_id": root, "body": "@" + tm.people["editor"].email + " thanks"})
		if got := kinds("reviewer"); len(got) != 2 || got[0] != "reply:" || got[1] != "reply:" {
			t.Fatalf("the thread's author: %v", got)
		}
		if got := kinds("editor"); len(got) != 1 || got[0] != "mention:" {
			t.Fatalf("a mentioned writer is told once, of the mention: %v", got)
		}
		if got := kinds("viewer"); len(got) != 0 {
			t.Fatalf("someone outside the thread was told: %v", got)
		}

		a.setStatus(t, tm, "owner", "in_review", 200)
		if got := kinds("owner"); len(got) != 0 {
			t.Fatalf("the owner was told of their own reply or status change: %v", got)
		}
		list := a.do(t, call{method: "GET", path: "/api/v1/notifications", token: tm.people["viewer"].token}).json()["items"].([]any)
		if n := list[0].(map[string]any); len(list) != 1 || n["kind"] != "status" || n["detail"] != "in_review" || n["path"] != "/proposals/"+tm.id {
			t.Fatalf("the viewer's status notice: %v", list)
		}
		a.do(t, call{method: "POST", path: "/api/v1/notifications/read", token: tm.people["reviewer"].token}).want(204)
		if n := a.do(t, call{method: "GET", path: "/api/v1/notifications?unread=true", token: tm.people["reviewer"].token}).json()["total"].(float64); n != 0 {
			t.Fatalf("%v unread after marking all read", n)
		}
	})
}

// TestNotificationSettings: the mail setting defaults to each event in English (or the language given at
// sign-up), changes field by field, and refuses unknown values naming the field.
func TestNotificationSettings(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		me := a.signUp(t, "Settings")
		path := "/api/v1/me/notification-settings"
		if got := a.do(t, call{method: "GET", path: path, token: me.token}).want(200).json(); got["mail"] != "each" || got["lang"] != "en" {
			t.Fatalf("defaults: %v", got)
		}
		if got := a.do(t, call{method: "PUT", path: path, token: me.token, body: map[string]string{"mail": "daily"}}).want(200).json(); got["mail"] != "daily" || got["lang"] != "en" {
			t.Fatalf("after choosing daily: %v", got)
		}
		if got := a.do(t, call{method: "PUT", path: path, token: me.token, body: map[string]string{"lang": "ru"}}).want(200).json(); got["mail"] != "daily" || got["lang"] != "ru" {
			t.Fatalf("after choosing Russian: %v", got)
		}
		r := a.do(t, call{method: "PUT", path: path, token: me.token, body: map[string]string{"mail": "weekly", "lang": "kk"}}).want(400)
		if f := r.problemFields(); len(f) != 2 || f[0] != "mail" || f[1] != "lang" {
			t.Fatalf("problems name %v", f)
		}
		a.do(t, call{method: "PUT", path: path, body: map[string]string{"mail": "off"}}).want(401)
		email := "ru-" + randomHex(4) + "@example.org"
		a.do(t, call{method: "POST", path: "/api/v1/users", body: map[string]string{"email": email, "name": "Ру", "password": "correct horse", "lang": "ru"}}).want(201)
		token := a.do(t, call{method: "POST", path: "/api/v1/sessions", body: map[string]string{"email": email, "password": "correct horse"}}).want(201).str("token")
		if got := a.do(t, call{method: "GET", path: path, token: token}).want(200).json(); got["lang"] != "ru" {
			t.Fatalf("the language given at sign-up: %v", got)
		}
	})
}
