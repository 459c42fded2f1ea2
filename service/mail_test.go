package service

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"iduit/domain"
	"iduit/internal/testdb"
	"iduit/models"
	"iduit/templates"
)

// TestOutboxRetriesWithBackOffAndSendsOnce: a send that fails leaves the mail in the outbox with its next
// attempt 30 s later and then twice as far; once a send succeeds the mail is marked sent and no later round
// sends it again. Every retry carries the same Message-ID. On both databases.
func TestOutboxRetriesWithBackOffAndSendsOnce(t *testing.T) {
	testdb.Each(t, func(t *testing.T, store *models.Store) {
		catalogue, err := templates.Embedded()
		if err != nil {
			t.Fatal(err)
		}
		// Years before any other test's mail: the PostgreSQL database is shared by the whole suite, and a
		// round takes every due mail, so this test's clock must not reach theirs.
		now := time.Date(2020, 1, 6, 12, 0, 0, 0, time.UTC)
		email := "aida." + domain.NewID()[:8] + "@example.org"
		svc := New(store, catalogue, Config{Passwords: PasswordParams{Memory: 64, Time: 1, Threads: 1},
			Now: func() time.Time { return now }, PublicURL: "https://iduit.example.org"})
		ctx := context.Background()
		if _, err := svc.Register(ctx, RegisterInput{Email: email, Name: "Аида", Password: "a long passphrase"}); err != nil {
			t.Fatal(err)
		}
		if err := svc.RequestPasswordReset(ctx, email, "en"); err != nil {
			t.Fatal(err)
		}
		var sent []domain.Mail
		failing := true
		send := func(_ context.Context, m domain.Mail) error {
			if failing {
				return errors.New("421 try later")
			}
			sent = append(sent, m)
			return nil
		}
		log := slog.New(slog.NewTextHandler(io.Discard, nil))
		round := func() int { return svc.deliverDue(ctx, send, log) }

		if n := round(); n != 1 {
			t.Fatalf("first round took %d mails", n)
		}
		if n := round(); n != 0 {
			t.Fatalf("a failed mail was retried at once (%d)", n)
		}
		now = now.Add(29 * time.Second)
		if n := round(); n != 0 {
			t.Fatal("retried before 30 s")
		}
		now = now.Add(2 * time.Second)
		if n := round(); n != 1 {
			t.Fatal("not retried after 30 s")
		}
		now = now.Add(31 * time.Second) // the second failure waits 60 s
		if n := round(); n != 0 {
			t.Fatal("the back-off did not grow")
		}
		failing = false
		now = now.Add(30 * time.Second)
		if n := round(); n != 1 || len(sent) != 1 {
			t.Fatalf("not delivered after the back-off: %d rounds, %d sent", n, len(sent))
		}
		now = now.Add(24 * time.Hour)
		if n := round(); n != 0 || len(sent) != 1 {
			t.Fatalf("a sent mail was sent again (%d)", len(sent))
		}
		states, err := store.Outbox(ctx, email)
		if err != nil || len(states) != 1 || states[0].SentAt == nil || states[0].Mail.Attempts != 3 ||
			states[0].Mail.MessageID != sent[0].MessageID {
			t.Fatalf("outbox: %+v %v", states, err)
		}
	})
}

// TestPasswordResetLimitsAndLinks: an unknown address is answered like a known one and writes nothing;
// an account gets at most three links an hour; a link expires after an hour; a bad new password keeps the
// link usable.
func TestPasswordResetLimitsAndLinks(t *testing.T) {
	now := time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)
	svc, store := newTestService(t, Config{Now: func() time.Time { return now }})
	ctx := context.Background()
	if _, err := svc.Register(ctx, RegisterInput{Email: "bakyt@example.org", Name: "Бакыт", Password: "a long passphrase"}); err != nil {
		t.Fatal(err)
	}
	if err := svc.RequestPasswordReset(ctx, "stranger@example.org", "ru"); err != nil {
		t.Fatalf("an unknown address: %v", err)
	}
	if got, _ := store.Outbox(ctx, "stranger@example.org"); len(got) != 0 {
		t.Fatal("mail was written for an address with no account")
	}
	for range 5 {
		if err := svc.RequestPasswordReset(ctx, "bakyt@example.org", "ru"); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := store.Outbox(ctx, "bakyt@example.org"); len(got) != maxResetsPerHour {
		t.Fatalf("%d reset mails in an hour, want %d", len(got), maxResetsPerHour)
	}
	mails, _ := store.Outbox(ctx, "bakyt@example.org")
	token := func(m models.MailState) string {
		_, after, _ := strings.Cut(m.Mail.Body, "token=")
		tok, _, _ := strings.Cut(after, "\n")
		return tok
	}
	if err := svc.ResetPassword(ctx, token(mails[0]), "short"); domain.ErrorKind(err) != domain.KindInvalid {
		t.Fatalf("a too short password: %v", err)
	}
	if err := svc.ResetPassword(ctx, token(mails[0]), "a new long passphrase"); err != nil {
		t.Fatalf("the link did not survive a refused password: %v", err)
	}
	if err := svc.ResetPassword(ctx, token(mails[1]), "a third long passphrase"); domain.ErrorKind(err) != domain.KindNotFound {
		t.Fatalf("an earlier link still works after a reset: %v", err)
	}
	now = now.Add(2 * time.Hour)
	if err := svc.RequestPasswordReset(ctx, "bakyt@example.org", "en"); err != nil {
		t.Fatal(err)
	}
	mails, _ = store.Outbox(ctx, "bakyt@example.org")
	now = now.Add(PasswordResetTTL + time.Second)
	if err := svc.ResetPassword(ctx, token(mails[len(mails)-1]), "a fourth long passphrase"); domain.ErrorKind(err) != domain.KindNotFound {
		t.Fatalf("an expired link worked: %v", err)
	}
	if err := svc.ResetPassword(ctx, "not-a-token", "a new long passphrase"); domain.ErrorKind(err) != domain.KindNotFound {
		t.Fatalf("unknown token: %v", err)
	}
	if err := svc.RequestPasswordReset(ctx, "bad address", "en"); domain.ErrorKind(err) != domain.KindInvalid {
		t.Fatalf("a malformed address: %v", err)
	}
}
