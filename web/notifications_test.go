package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"iduit/domain"
)

// TestNotificationsPageBadgeAndCounts: a mention shows as an unread count in the header and on the
// notifications page with a link to the comment's place, which opens on that comment; marking it read
// clears the count. A reply reaches the thread's author and "mark all read" clears it. The proposal page
// counts open comments per section and the list per proposal. The mail setting is saved from the account
// page, and the language of mail follows the sign-up page and the language switch.
func TestNotificationsPageBadgeAndCounts(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		ctx := context.Background()
		owner := s.visitor()
		owner.signUp("Aida Owner")
		id := owner.createProposal("Notify", "en", false)
		editor := s.visitor()
		editor.client.Jar.SetCookies(mustURL(s.srv.URL), []*http.Cookie{{Name: langCookie, Value: "ru"}})
		editorEmail := editor.signUp("Бакыт")
		owner.get("/proposals/" + id + "/members")
		if p := owner.post("/proposals/"+id+"/members", url.Values{"email": {editorEmail}, "role": {"editor"}}); p.Status != http.StatusSeeOther {
			t.Fatalf("add editor: %d", p.Status)
		}
		if page := editor.get("/proposals"); strings.Contains(page.Body, `class="count-badge"`) {
			t.Fatal("a badge before anything happened")
		}

		sec := "/proposals/" + id + "/sections/epidemiology"
		owner.get(sec)
		mustSee(t, owner.post(sec+"/comments", url.Values{"body": {"Please check @" + editorEmail}, "field": {"hiv-hcv-epidemiology"}}), "mention")
		cid := commentID.FindStringSubmatch(owner.get(sec).Body)[1]

		page := editor.get("/notifications")
		if !strings.Contains(page.Body, `class="count-badge">1<`) || !strings.Contains(page.Body, "упомянул(а) вас") {
			t.Fatalf("no unread mention on the notifications page:\n%s", page.Body)
		}
		link := sec + "#c-" + cid
		if !strings.Contains(page.Body, `href="`+link+`"`) {
			t.Fatalf("no link to %s on the notifications page", link)
		}
		if target := editor.get(sec); !strings.Contains(target.Body, `id="c-`+cid+`"`) {
			t.Fatal("the link's page does not hold the comment")
		}
		nid := regexpFind(t, page.Body, `action="/notifications/([^/"]+)/read"`)
		if p := editor.post("/notifications/"+nid+"/read", url.Values{}); p.Status != http.StatusSeeOther {
			t.Fatalf("mark read: %d", p.Status)
		}
		if page := editor.get("/notifications"); strings.Contains(page.Body, `class="count-badge"`) || !strings.Contains(page.Body, link) {
			t.Fatal("the read notification still counts, or is gone from the list")
		}

		// The editor replies: the owner, who wrote in the thread, is told.
		editor.get(sec)
		mustSee(t, editor.post(sec+"/comments", url.Values{"body": {"Done"}, "parent_id": {cid}}), "reply")
		page = owner.get("/notifications")
		if !strings.Contains(page.Body, `class="count-badge">1<`) || !strings.Contains(page.Body, "replied in a thread") {
			t.Fatalf("the owner is not told of the reply:\n%s", page.Body)
		}
		if p := owner.post("/notifications/read", url.Values{}); p.Status != http.StatusSeeOther {
			t.Fatalf("mark all read: %d", p.Status)
		}
		if page := owner.get("/notifications"); strings.Contains(page.Body, `class="count-badge"`) {
			t.Fatal("mark all read left an unread count")
		}

		if page := owner.get("/proposals/" + id); !strings.Contains(page.Body, "2 open comments") {
			t.Fatalf("the overview does not count the section's open comments:\n%s", page.Body)
		}
		if page := editor.get("/proposals"); !strings.Contains(page.Body, "2 открытых комментария") {
			t.Fatalf("the list does not count the proposal's open comments:\n%s", page.Body)
		}

		user, _, err := s.store.UserByEmail(ctx, editorEmail)
		if err != nil {
			t.Fatal(err)
		}
		if set, _ := s.svc.NotificationSettings(ctx, user); set != (domain.NotificationSettings{Mail: domain.MailEach, Lang: "ru"}) {
			t.Fatalf("after a Russian sign-up: %+v", set)
		}
		editor.get("/account")
		if p := editor.post("/account/notifications", url.Values{"mail": {"daily"}}); p.Status != http.StatusOK || !strings.Contains(p.Body, `value="daily" checked`) {
			t.Fatalf("saving the mail setting: %d", p.Status)
		}
		editor.post("/lang", url.Values{"lang": {"en"}, "next": {"/account"}})
		if set, _ := s.svc.NotificationSettings(ctx, user); set != (domain.NotificationSettings{Mail: domain.MailDaily, Lang: "en"}) {
			t.Fatalf("after the setting and the language switch: %+v", set)
		}
		if p := editor.post("/account/notifications", url.Values{"mail": {"weekly"}}); p.Status != http.StatusBadRequest {
			t.Fatalf("an unknown frequency: %d", p.Status)
		}
	})
}

// TestUnsubscribeWithoutASession: the link from a mail opens a page that asks to confirm; the button (or
// a mail client's one-click POST, with no cookie and no CSRF token) turns notification mail off. An
// unknown token is refused.
func TestUnsubscribeWithoutASession(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		ctx := context.Background()
		email := s.visitor().signUp("Dana")
		user, _, err := s.store.UserByEmail(ctx, email)
		if err != nil {
			t.Fatal(err)
		}
		token, err := s.store.UnsubscribeToken(ctx, user.ID, "tok-"+domain.NewID())
		if err != nil {
			t.Fatal(err)
		}
		stranger := s.visitor()
		page := stranger.get("/unsubscribe?token=" + url.QueryEscape(token))
		if page.Status != http.StatusOK || !strings.Contains(page.Body, `action="/unsubscribe?token=`+token+`"`) {
			t.Fatalf("the confirmation page: %d\n%s", page.Status, page.Body)
		}
		if set, _ := s.svc.NotificationSettings(ctx, user); set.Mail != domain.MailEach {
			t.Fatal("opening the link unsubscribed already")
		}
		req, _ := http.NewRequest(http.MethodPost, s.srv.URL+"/unsubscribe?token="+url.QueryEscape(token), strings.NewReader("List-Unsubscribe=One-Click"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("one-click unsubscribe: %d", resp.StatusCode)
		}
		if set, _ := s.svc.NotificationSettings(ctx, user); set.Mail != domain.MailOff {
			t.Fatalf("still subscribed: %+v", set)
		}
		if p := stranger.post("/unsubscribe?token=nonsense", url.Values{}); p.Status != http.StatusNotFound {
			t.Fatalf("an unknown token: %d", p.Status)
		}
	})
}

// regexpFind returns the first group of pattern in body, failing the test when it is not there.
func regexpFind(t *testing.T, body, pattern string) string {
	t.Helper()
	m := regexp.MustCompile(pattern).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("%s not found in:\n%s", pattern, body)
	}
	return m[1]
}
