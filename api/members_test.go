package api

import "testing"

func TestMembers(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner, editor := a.signUp(t, "Owner"), a.signUp(t, "Editor")
		id := a.newProposal(t, owner)
		members := "/api/v1/proposals/" + id + "/members"

		a.addMember(t, owner, id, editor, "editor")
		tests := []struct {
			name   string
			body   map[string]string
			status int
		}{
			{"already a member", map[string]string{"email": editor.email, "role": "viewer"}, 409},
			{"unknown role", map[string]string{"email": editor.email, "role": "admin"}, 400},
			{"no account", map[string]string{"email": "ghost@example.org", "role": "viewer"}, 400},
			{"not an email", map[string]string{"email": "ghost", "role": "viewer"}, 400},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				a.do(t, call{method: "POST", path: members, token: owner.token, body: tt.body}).want(tt.status)
			})
		}

		list := a.do(t, call{method: "GET", path: members, token: editor.token}).want(200).json()["items"].([]any)
		if len(list) != 2 || list[0].(map[string]any)["role"] != "owner" {
			t.Fatalf("members %v", list)
		}
		t.Run("a member may leave; the last owner may not", func(t *testing.T) {
			a.do(t, call{method: "DELETE", path: members + "/" + owner.id, token: owner.token}).want(409)
			a.do(t, call{method: "DELETE", path: members + "/" + editor.id, token: editor.token}).want(204)
			a.do(t, call{method: "GET", path: "/api/v1/proposals/" + id, token: editor.token}).want(404)
			a.do(t, call{method: "DELETE", path: members + "/" + editor.id, token: owner.token}).want(404)
		})
		t.Run("a second owner lets the first leave", func(t *testing.T) {
			co := a.signUp(t, "CoOwner")
			a.addMember(t, owner, id, co, "owner")
			a.do(t, call{method: "DELETE", path: members + "/" + owner.id, token: co.token}).want(204)
		})
	})
}
