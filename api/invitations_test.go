package api

import (
	"context"
	"strings"
	"testing"

	"iduit/domain"
)

// TestInvitationsJoinAPersonWithoutAnAccount: an owner invites an address; the mail with the link is in the
// outbox in the language asked for; signing up through the link with that address makes the person a
// member with the role; the link then no longer works; a revoked link never did; only owners invite, and
// an address with an account is added, not invited (409). On both databases.
func TestInvitationsJoinAPersonWithoutAnAccount(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner, editor := a.signUp(t, "Owner"), a.signUp(t, "Editor")
		id := a.newProposal(t, owner)
		a.addMember(t, owner, id, editor, "editor")
		path := "/api/v1/proposals/" + id + "/invitations"
		guest := "guest." + domain.NewID()[:8] + "@example.org"

		a.do(t, call{method: "POST", path: path, token: editor.token, body: map[string]string{"email": guest, "role": "reviewer"}}).want(403)
		a.do(t, call{method: "POST", path: path, token: owner.token, body: map[string]string{"email": editor.email, "role": "reviewer"}}).want(409)
		a.do(t, call{method: "POST", path: path, token: owner.token, body: map[string]string{"email": guest, "role": "boss"}}).want(400)
		inv := a.do(t, call{method: "POST", path: path, token: owner.token, body: map[string]string{"email": strings.ToUpper(guest), "role": "reviewer", "lang": "ru"}}).want(201)
		if inv.str("email") != guest || inv.str("role") != "reviewer" {
			t.Fatalf("invitation: %s", inv.Body.String())
		}
		if items := a.do(t, call{method: "GET", path: path, token: owner.token}).want(200).json()["items"].([]any); len(items) != 1 {
			t.Fatalf("%d pending invitations", len(items))
		}
		a.do(t, call{method: "GET", path: path, token: editor.token}).want(403)

		mails, err := a.store.Outbox(context.Background(), guest)
		if err != nil || len(mails) != 1 || !strings.Contains(mails[0].Mail.Subject, "приглашение") {
			t.Fatalf("outbox: %+v %v", mails, err)
		}
		_, after, _ := strings.Cut(mails[0].Mail.Body, "/signup?invitation=")
		token, _, _ := strings.Cut(after, "\n")

		user := map[string]string{"email": "other." + guest, "name": "Гость", "password": "correct horse", "invitation": token}
		if fields := a.do(t, call{method: "POST", path: "/api/v1/users", body: user}).want(400).problemFields(); len(fields) != 1 || fields[0] != "email" {
			t.Fatalf("another address with the link: %v", fields)
		}
		user["email"] = guest
		a.do(t, call{method: "POST", path: "/api/v1/users", body: user}).want(201)
		s := a.do(t, call{method: "POST", path: "/api/v1/sessions", body: map[string]string{"email": guest, "password": "correct horse"}}).want(201)
		if role := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + id, token: s.str("token")}).want(200).str("role"); role != "reviewer" {
			t.Fatalf("the invited person's role is %q", role)
		}
		if items := a.do(t, call{method: "GET", path: path, token: owner.token}).want(200).json()["items"].([]any); len(items) != 0 {
			t.Fatal("an accepted invitation is still pending")
		}
		user["email"] = "third." + guest
		a.do(t, call{method: "POST", path: "/api/v1/users", body: user}).want(400)

		second := "second." + guest
		iid := a.do(t, call{method: "POST", path: path, token: owner.token, body: map[string]string{"email": second, "role": "viewer"}}).want(201).str("id")
		a.do(t, call{method: "DELETE", path: path + "/" + iid, token: editor.token}).want(403)
		a.do(t, call{method: "DELETE", path: path + "/" + iid, token: owner.token}).want(204)
		a.do(t, call{method: "DELETE", path: path + "/" + iid, token: owner.token}).want(404)
		mails, _ = a.store.Outbox(context.Background(), second)
		_, after, _ = strings.Cut(mails[0].Mail.Body, "/signup?invitation=")
		token, _, _ = strings.Cut(after, "\n")
		a.do(t, call{method: "POST", path: "/api/v1/users", body: map[string]string{"email": second, "name": "Гость", "password": "correct horse", "invitation": token}}).want(400)
	})
}

// TestChangePasswordEndsOtherSessions: the current password is required; afterwards the session that
// changed it works and every other session of the account is signed out.
func TestChangePasswordEndsOtherSessions(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		me := a.signUp(t, "Changer")
		other := a.do(t, call{method: "POST", path: "/api/v1/sessions", body: map[string]string{"email": me.email, "password": "correct horse"}}).want(201).str("token")
		fields := a.do(t, call{method: "PUT", path: "/api/v1/me/password", token: me.token,
			body: map[string]string{"current_password": "wrong", "new_password": "a new passphrase"}}).want(400).problemFields()
		if len(fields) != 1 || fields[0] != "current_password" {
			t.Fatalf("a wrong current password: %v", fields)
		}
		a.do(t, call{method: "PUT", path: "/api/v1/me/password", token: me.token,
			body: map[string]string{"current_password": "correct horse", "new_password": "short"}}).want(400)
		a.do(t, call{method: "PUT", path: "/api/v1/me/password", token: me.token,
			body: map[string]string{"current_password": "correct horse", "new_password": "a new passphrase"}}).want(204)
		a.do(t, call{method: "GET", path: "/api/v1/me", token: me.token}).want(200)
		a.do(t, call{method: "GET", path: "/api/v1/me", token: other}).want(401)
		a.do(t, call{method: "POST", path: "/api/v1/sessions", body: map[string]string{"email": me.email, "password": "a new passphrase"}}).want(201)
	})
}
