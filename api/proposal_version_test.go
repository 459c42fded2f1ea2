package api

import (
	"net/http"
	"testing"
)

// TestProposalPatchIsGuardedByVersion: PATCH /proposals/{id} needs the ETag it was based on, like a
// section save. Before, it rewrote every attribute from the copy it had read, so an owner's
// hide_reviewer_names was silently reverted by an editor's title change made at the same time.
func TestProposalPatchIsGuardedByVersion(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		owner, editor := tm.people["owner"], tm.people["editor"]
		path := "/api/v1/proposals/" + tm.id
		read := a.do(t, call{method: "GET", path: path, token: editor.token}).want(200)
		stale := read.Header().Get("ETag")
		if stale == "" {
			t.Fatal("GET /proposals/{id} sends no ETag")
		}
		a.do(t, call{method: "PATCH", path: path, token: editor.token, body: map[string]string{"title": "Без версии"}}).want(http.StatusPreconditionRequired)

		// Two writers from the same version: one wins, the other is told, not overwritten.
		first := a.do(t, call{method: "PATCH", path: path, token: owner.token, body: map[string]any{"hide_reviewer_names": true},
			header: map[string]string{"If-Match": stale}}).want(200)
		if first.Header().Get("ETag") == stale {
			t.Fatalf("the ETag did not change with the attributes: %s", stale)
		}
		a.do(t, call{method: "PATCH", path: path, token: editor.token, body: map[string]string{"title": "Новое название"},
			header: map[string]string{"If-Match": stale}}).want(http.StatusPreconditionFailed)

		// The editor reads again and changes the title: the owner's choice stays.
		fresh := a.do(t, call{method: "GET", path: path, token: editor.token}).want(200).Header().Get("ETag")
		got := a.do(t, call{method: "PATCH", path: path, token: editor.token, body: map[string]string{"title": "Новое название"},
			header: map[string]string{"If-Match": fresh}}).want(200).json()
		if got["title"] != "Новое название" || got["hide_reviewer_names"] != true {
			t.Fatalf("after the title change: %v", got)
		}

		// A section save does not move the proposal's version: the attributes did not change.
		etag := a.do(t, call{method: "GET", path: path, token: editor.token}).want(200).Header().Get("ETag")
		a.saveText(t, tm, "epidemiology", "data-gaps", "Текст.", 0)
		if now := a.do(t, call{method: "GET", path: path, token: editor.token}).want(200).Header().Get("ETag"); now != etag {
			t.Fatalf("a section save moved the proposal's ETag from %s to %s", etag, now)
		}
	})
}
