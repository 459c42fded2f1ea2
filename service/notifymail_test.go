package service

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"iduit/domain"
	"iduit/internal/testdb"
	"iduit/internal/testmail"
	"iduit/mail"
	"iduit/models"
	"iduit/templates"
)

var notificationLink = regexp.MustCompile(`https://iduit\.example\.org(/proposals/[^\s#]+#c-[0-9A-Za-z-]+)`)

// TestNotificationMailReachesAPersonOverSMTP sends notification mail to a real SMTP server (Mailpit):
// a mention reaches the mentioned member in their language (Russian) with a link to the comment's place;
// a burst of 50 mentions within the next 15 minutes arrives as one mail listing all 50; the mail carries
// RFC 8058 one-click unsubscribe headers, and after unsubscribing through its token no more mail comes.
// A status change reaches the other members, not the one who made it. On both databases.
func TestNotificationMailReachesAPersonOverSMTP(t *testing.T) {
	mailpit := testmail.Start(t)
	sender, err := mail.NewSender(mailpit.SMTPURL, "iduit <noreply@example.org>")
	if err != nil {
		t.Fatal(err)
	}
	testdb.Each(t, func(t *testing.T, store *models.Store) {
		catalogue, err := templates.Embedded()
		if err != nil {
			t.Fatal(err)
		}
		// 2021: after the outbox retry test's clock and long before the rest of the suite's, whose mail and
		// notifications on the shared PostgreSQL database are then never due here.
		now := time.Date(2021, 3, 1, 9, 0, 0, 0, time.UTC)
		svc := New(store, catalogue, Config{Passwords: PasswordParams{Memory: 64, Time: 1, Threads: 1},
			Now: func() time.Time { return now }, PublicURL: "https://iduit.example.org"})
		ctx := context.Background()
		tag := domain.NewID()[:8]
		owner, err := svc.Register(ctx, RegisterInput{Email: "aida." + tag + "@example.org", Name: "Aida", Password: "a long passphrase"})
		if err != nil {
			t.Fatal(err)
		}
		editorEmail := "bakyt." + tag + "@example.org"
		editor, err := svc.Register(ctx, RegisterInput{Email: editorEmail, Name: "Бакыт", Password: "a long passphrase", Lang: "ru"})
		if err != nil {
			t.Fatal(err)
		}
		title, lang, country := "Снижение вреда в Оше", "ru", "KG"
		p, err := svc.CreateProposal(ctx, owner, ProposalInput{Template: "gf-concept-note-pwid", Title: &title, Language: &lang, Country: &country})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.AddMember(ctx, AccessOf(owner), p.ID, editorEmail, domain.RoleEditor); err != nil {
			t.Fatal(err)
		}
		tpl, _ := svc.Template(p)
		section := tpl.Sections[0].Key
		log := slog.New(slog.NewTextHandler(io.Discard, nil))
		// deliver writes the due notification mail and sends the outbox once, as serve's loops do.
		deliver := func() int {
			t.Helper()
			n, err := svc.MailNotifications(ctx)
			if err != nil {
				t.Fatal(err)
			}
			svc.deliverDue(ctx, sender.Send, log)
			return n
		}
		inbox := func() []testmail.Message {
			t.Helper()
			all, err := mailpit.Messages()
			if err != nil {
				t.Fatal(err)
			}
			var mine []testmail.Message
			for _, m := range all {
				if len(m.To) == 1 && m.To[0].Address == editorEmail {
					mine = append(mine, m)
				}
			}
			return mine
		}

		first, err := svc.Comment(ctx, AccessOf(owner), p.ID, CommentInput{Section: section, Body: "@" + editorEmail + " посмотрите, пожалуйста"})
		if err != nil {
			t.Fatal(err)
		}
		if n := deliver(); n != 0 {
			t.Fatalf("a mention was mailed before a burst could gather (%d)", n)
		}
		now = now.Add(notifyGather)
		if n := deliver(); n != 1 {
			t.Fatalf("the mention was not mailed: %d mails", n)
		}
		got := inbox()
		if len(got) != 1 {
			t.Fatalf("%d mails reached the mentioned member", len(got))
		}
		m := got[0]
		if !strings.Contains(m.Subject, "упомянул(а) вас") || !strings.Contains(m.Text, "Здравствуйте, Бакыт") || !strings.Contains(m.Text, title) {
			t.Fatalf("the mail is not in the member's language: %q\n%s", m.Subject, m.Text)
		}
		link := notificationLink.FindStringSubmatch(m.Text)
		if want := "/proposals/" + p.ID + "/sections/" + url.PathEscape(section) + "#c-" + first.ID; link == nil || link[1] != want {
			t.Fatalf("the link %v does not lead to the comment (%s):\n%s", link, want, m.Text)
		}
		headers, err := mailpit.Headers(m.ID)
		if err != nil {
			t.Fatal(err)
		}
		unsub := headers["List-Unsubscribe"]
		if len(unsub) != 1 || !strings.HasPrefix(unsub[0], "<https://iduit.example.org/unsubscribe?token=") ||
			fmt.Sprint(headers["List-Unsubscribe-Post"]) != "[List-Unsubscribe=One-Click]" {
			t.Fatalf("no RFC 8058 headers: %v", headers)
		}

		// A burst of 50 mentions right after: nothing until 15 minutes have passed since the last mail,
		// then one mail with all 50, each with its link.
		for i := range 50 {
			now = now.Add(10 * time.Second)
			if _, err := svc.Comment(ctx, AccessOf(owner), p.ID, CommentInput{Section: section, Body: fmt.Sprintf("@%s пункт %d", editorEmail, i+1)}); err != nil {
				t.Fatal(err)
			}
		}
		if n := deliver(); n != 0 {
			t.Fatalf("mailed again within 15 minutes (%d)", n)
		}
		now = now.Add(notifySpacing)
		if n := deliver(); n != 1 {
			t.Fatalf("the burst became %d mails", n)
		}
		if n := deliver(); n != 0 {
			t.Fatalf("the burst was mailed again (%d)", n)
		}
		got = inbox()
		if len(got) != 2 {
			t.Fatalf("%d mails after the burst, want 2", len(got))
		}
		if links := notificationLink.FindAllString(got[0].Text, -1); len(links) != 50 || !strings.Contains(got[0].Subject, "(50)") {
			t.Fatalf("the digest lists %d events (%q)", len(links), got[0].Subject)
		}

		// A status change reaches the editor, not the owner who made it.
		now = now.Add(notifySpacing)
		if _, err := svc.ChangeStatus(ctx, AccessOf(owner), p.ID, domain.StatusInReview, ""); err != nil {
			t.Fatal(err)
		}
		now = now.Add(notifyGather)
		if n := deliver(); n != 1 {
			t.Fatalf("the status change made %d mails", n)
		}
		got = inbox()
		if len(got) != 3 || !strings.Contains(got[0].Text, "на рецензии") {
			t.Fatalf("status mail: %d mails, %q", len(got), got[0].Text)
		}
		if mine, _ := store.Outbox(ctx, owner.Email); len(mine) != 0 {
			t.Fatal("the owner was mailed about their own status change")
		}

		// Unsubscribing with the mail's token (no session) stops the mail; the notifications stay on the site.
		token := strings.TrimSuffix(strings.TrimPrefix(unsub[0], "<https://iduit.example.org/unsubscribe?token="), ">")
		if err := svc.Unsubscribe(ctx, token); err != nil {
			t.Fatal(err)
		}
		if set, _ := svc.NotificationSettings(ctx, editor); set.Mail != domain.MailOff || set.Lang != "ru" {
			t.Fatalf("settings after unsubscribing: %+v", set)
		}
		if _, err := svc.Comment(ctx, AccessOf(owner), p.ID, CommentInput{Section: section, Body: "@" + editorEmail + " ещё"}); err != nil {
			t.Fatal(err)
		}
		now = now.Add(24 * time.Hour)
		if n := deliver(); n != 0 || len(inbox()) != 3 {
			t.Fatal("mail came after unsubscribing")
		}
		if unread, _ := svc.UnreadNotifications(ctx, editor); unread != 53 {
			t.Fatalf("%d unread notifications on the site, want 53", unread)
		}
	})
}

// TestNotificationMailWaitsForSMTP: while the SMTP server is down a due notification mail stays in the
// outbox; once it is up the mail is delivered to Mailpit, exactly once. On both databases.
func TestNotificationMailWaitsForSMTP(t *testing.T) {
	mailpit := testmail.Start(t)
	up, err := mail.NewSender(mailpit.SMTPURL, "iduit <noreply@example.org>")
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	downAddr := ln.Addr().String()
	ln.Close() // nothing listens there now: the server is down
	down, err := mail.NewSender("smtp://"+downAddr+"?tls=none", "iduit <noreply@example.org>")
	if err != nil {
		t.Fatal(err)
	}
	testdb.Each(t, func(t *testing.T, store *models.Store) {
		catalogue, err := templates.Embedded()
		if err != nil {
			t.Fatal(err)
		}
		// 2022: apart from the other mail tests' clocks (see above).
		now := time.Date(2022, 5, 2, 9, 0, 0, 0, time.UTC)
		svc := New(store, catalogue, Config{Passwords: PasswordParams{Memory: 64, Time: 1, Threads: 1},
			Now: func() time.Time { return now }, PublicURL: "https://iduit.example.org"})
		ctx := context.Background()
		tag := domain.NewID()[:8]
		owner, err := svc.Register(ctx, RegisterInput{Email: "owner." + tag + "@example.org", Name: "Owner", Password: "a long passphrase"})
		if err != nil {
			t.Fatal(err)
		}
		viewerEmail := "viewer." + tag + "@example.org"
		if _, err := svc.Register(ctx, RegisterInput{Email: viewerEmail, Name: "Viewer", Password: "a long passphrase"}); err != nil {
			t.Fatal(err)
		}
		title, lang, country := "Outreach", "en", "KG"
		p, err := svc.CreateProposal(ctx, owner, ProposalInput{Template: "gf-concept-note-pwid", Title: &title, Language: &lang, Country: &country})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.AddMember(ctx, AccessOf(owner), p.ID, viewerEmail, domain.RoleViewer); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.ChangeStatus(ctx, AccessOf(owner), p.ID, domain.StatusInReview, ""); err != nil {
			t.Fatal(err)
		}
		now = now.Add(notifyGather)
		if n, err := svc.MailNotifications(ctx); err != nil || n != 1 {
			t.Fatalf("%d mails written (%v)", n, err)
		}
		log := slog.New(slog.NewTextHandler(io.Discard, nil))
		svc.deliverDue(ctx, down.Send, log)
		if states, _ := store.Outbox(ctx, viewerEmail); len(states) != 1 || states[0].SentAt != nil || states[0].LastError == "" {
			t.Fatalf("while SMTP is down: %+v", states)
		}
		for range 3 { // the server comes back; rounds go on
			now = now.Add(time.Hour)
			svc.deliverDue(ctx, up.Send, log)
		}
		var mine int
		all, err := mailpit.Messages()
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range all {
			if m.To[0].Address == viewerEmail {
				mine++
				if !strings.Contains(m.Text, "changed the status of “Outreach” to in review") {
					t.Errorf("the mail: %s", m.Text)
				}
			}
		}
		if mine != 1 {
			t.Fatalf("%d mails reached the viewer, want exactly 1", mine)
		}
	})
}

// TestDailyDigest: a person on the daily digest gets one mail a day listing every proposal's events,
// and nothing in between. On both databases.
func TestDailyDigest(t *testing.T) {
	testdb.Each(t, func(t *testing.T, store *models.Store) {
		catalogue, err := templates.Embedded()
		if err != nil {
			t.Fatal(err)
		}
		now := time.Date(2023, 7, 3, 8, 0, 0, 0, time.UTC) // apart from the other mail tests' clocks
		svc := New(store, catalogue, Config{Passwords: PasswordParams{Memory: 64, Time: 1, Threads: 1},
			Now: func() time.Time { return now }, PublicURL: "https://iduit.example.org"})
		ctx := context.Background()
		tag := domain.NewID()[:8]
		owner, err := svc.Register(ctx, RegisterInput{Email: "owner." + tag + "@example.org", Name: "Owner", Password: "a long passphrase"})
		if err != nil {
			t.Fatal(err)
		}
		readerEmail := "reader." + tag + "@example.org"
		reader, err := svc.Register(ctx, RegisterInput{Email: readerEmail, Name: "Reader", Password: "a long passphrase"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.SetNotificationSettings(ctx, reader, domain.NotificationSettings{Mail: domain.MailDaily}); err != nil {
			t.Fatal(err)
		}
		event := func() {
			t.Helper()
			title, lang, country := "Daily "+tag, "en", "KG"
			p, err := svc.CreateProposal(ctx, owner, ProposalInput{Template: "gf-concept-note-pwid", Title: &title, Language: &lang, Country: &country})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := svc.AddMember(ctx, AccessOf(owner), p.ID, readerEmail, domain.RoleViewer); err != nil {
				t.Fatal(err)
			}
			if _, err := svc.ChangeStatus(ctx, AccessOf(owner), p.ID, domain.StatusInReview, ""); err != nil {
				t.Fatal(err)
			}
		}
		written := func() int {
			t.Helper()
			n, err := svc.MailNotifications(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		event()
		event()
		now = now.Add(time.Minute)
		if n := written(); n != 1 {
			t.Fatalf("two proposals' events made %d digests", n)
		}
		event()
		now = now.Add(23 * time.Hour)
		if n := written(); n != 0 {
			t.Fatal("a second digest within the day")
		}
		now = now.Add(time.Hour)
		if n := written(); n != 1 {
			t.Fatal("no digest the next day")
		}
		mails, _ := store.Outbox(ctx, readerEmail)
		if len(mails) != 2 || !strings.Contains(mails[0].Mail.Subject, "2 new notifications") || mails[0].Mail.ListUnsubscribe == "" {
			t.Fatalf("digests: %+v", mails)
		}
	})
}

// TestNoMailAboutAProposalOneHasLeft: a member removed before their notification is mailed gets no mail
// about that proposal, and the notification is not tried again.
func TestNoMailAboutAProposalOneHasLeft(t *testing.T) {
	now := time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)
	svc, store := newTestService(t, Config{Now: func() time.Time { return now }, PublicURL: "https://iduit.example.org"})
	ctx := context.Background()
	owner, err := svc.Register(ctx, RegisterInput{Email: "owner@example.org", Name: "Owner", Password: "a long passphrase"})
	if err != nil {
		t.Fatal(err)
	}
	leaver, err := svc.Register(ctx, RegisterInput{Email: "leaver@example.org", Name: "Leaver", Password: "a long passphrase"})
	if err != nil {
		t.Fatal(err)
	}
	title, lang, country := "Private", "en", "KG"
	p, err := svc.CreateProposal(ctx, owner, ProposalInput{Template: "gf-concept-note-pwid", Title: &title, Language: &lang, Country: &country})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.AddMember(ctx, AccessOf(owner), p.ID, leaver.Email, domain.RoleViewer); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ChangeStatus(ctx, AccessOf(owner), p.ID, domain.StatusInReview, ""); err != nil {
		t.Fatal(err)
	}
	if err := svc.RemoveMember(ctx, AccessOf(owner), p.ID, leaver.ID); err != nil {
		t.Fatal(err)
	}
	now = now.Add(notifyGather)
	for range 2 {
		if n, err := svc.MailNotifications(ctx); err != nil || n != 0 {
			t.Fatalf("%d mails (%v)", n, err)
		}
	}
	if mails, _ := store.Outbox(ctx, leaver.Email); len(mails) != 0 {
		t.Fatalf("mail about a proposal they left: %+v", mails)
	}
	if due, _ := store.DueNotificationMail(ctx, now, notifyGather, notifySpacing); len(due) != 0 {
		t.Fatalf("still due: %+v", due)
	}
}
