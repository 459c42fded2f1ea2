package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"iduit/domain"
)

// TestMembersPageInvitesAndTheLinkJoins: on the members page an owner types the address of a person with
// no account; an invitation goes out in the page's language and is listed; its link opens sign-up with the
// address filled and what it is for, and signing up lands on the proposal as a member.
func TestMembersPageInvitesAndTheLinkJoins(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		owner := s.visitor()
		owner.client.Jar.SetCookies(mustURL(s.srv.URL), []*http.Cookie{{Name: langCookie, Value: "ru"}})
		owner.signUp("Жылдыз")
		id := owner.createProposal("Снижение вреда в Оше", "ru", false)
		guest := "guest." + domain.NewID()[:8] + "@example.org"

		owner.get("/proposals/" + id + "/members")
		p := owner.post("/proposals/"+id+"/members", url.Values{"email": {guest}, "role": {"reviewer"}})
		if p.Status != http.StatusSeeOther || !strings.Contains(p.Location, "invited=1") {
			t.Fatalf("invite: %d %s\n%s", p.Status, p.Location, p.Body)
		}
		if page := owner.get(p.Location); !strings.Contains(page.Body, "отправлено приглашение") || !strings.Contains(page.Body, guest) {
			t.Fatal("the members page does not say or list the invitation")
		}
		mails, err := s.store.Outbox(context.Background(), guest)
		if err != nil || len(mails) != 1 || !strings.Contains(mails[0].Mail.Body, "рецензент") {
			t.Fatalf("outbox: %+v %v", mails, err)
		}
		_, after, _ := strings.Cut(mails[0].Mail.Body, "/signup?invitation=")
		token, _, _ := strings.Cut(after, "\n")

		v := s.visitor()
		page := v.get("/signup?invitation=" + url.QueryEscape(token))
		if !strings.Contains(page.Body, "Снижение вреда в Оше") || !strings.Contains(page.Body, `value="`+guest+`"`) {
			t.Fatalf("the sign-up page does not show the invitation:\n%s", page.Body)
		}
		p = v.post("/signup", url.Values{"name": {"Гость"}, "email": {guest}, "password": {"correct horse battery"},
			"invitation": {token}, "next": {"/proposals/" + id}})
		if p.Status != http.StatusSeeOther || p.Location != "/proposals/"+id {
			t.Fatalf("sign-up through the invitation: %d %s", p.Status, p.Location)
		}
		if page := v.get("/proposals/" + id); page.Status != 200 {
			t.Fatalf("the invited person cannot open the proposal: %d", page.Status)
		}
		if page := v.get("/signup?invitation=" + url.QueryEscape(token)); !strings.Contains(page.Body, "invitation link is unknown") {
			t.Fatal("a used invitation link is not said to be dead")
		}
	})
}

// TestAccountPageChangesThePassword: the name in the header opens the account page; a wrong current
// password is named in Russian; the right one changes it.
func TestAccountPageChangesThePassword(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		v := s.visitor()
		v.client.Jar.SetCookies(mustURL(s.srv.URL), []*http.Cookie{{Name: langCookie, Value: "ru"}})
		email := v.signUp("Асель")
		if p := v.get("/proposals"); !strings.Contains(p.Body, `href="/account"`) {
			t.Fatal("the header does not link to the account page")
		}
		v.get("/account")
		p := v.post("/account/password", url.Values{"current_password": {"wrong"}, "new_password": {"a new passphrase"}})
		if p.Status != 400 || !strings.Contains(p.Body, "указан неверно") {
			t.Fatalf("a wrong current password: %d", p.Status)
		}
		p = v.post("/account/password", url.Values{"current_password": {"correct horse battery"}, "new_password": {"a new passphrase"}})
		if p.Status != 200 || !strings.Contains(p.Body, "Пароль изменен") {
			t.Fatalf("change: %d", p.Status)
		}
		other := s.visitor()
		other.get("/signin")
		if p := other.post("/signin", url.Values{"email": {email}, "password": {"a new passphrase"}}); p.Status != http.StatusSeeOther {
			t.Fatalf("the new password does not sign in: %d", p.Status)
		}
	})
}
