package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"iduit/internal/testmail"
)

// startServe runs `iduit serve` with env until the returned stop is called (as on SIGTERM).
func startServe(t *testing.T, env map[string]string) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var logs bytes.Buffer
	go func() { done <- run(ctx, []string{"serve"}, envOf(env), &logs, &logs) }()
	if err := waitReady(envOf(env)); err != nil {
		cancel()
		t.Fatalf("%v; logs:\n%s", err, logs.String())
	}
	return func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("serve returned %v; logs:\n%s", err, logs.String())
			}
		case <-time.After(20 * time.Second):
			t.Fatal("serve did not stop")
		}
	}
}

func postJSON(t *testing.T, url string, body any) int {
	t.Helper()
	code, _ := postJSONAs(t, url, "", body)
	return code
}

// postJSONAs posts as the bearer of token (none when empty) and decodes the answer.
func postJSONAs(t *testing.T, url, token string, body any) (int, map[string]any) {
	t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

var invitationLink = regexp.MustCompile(`https://iduit\.example\.org/signup\?invitation=([A-Za-z0-9_-]+)`)

var resetLink = regexp.MustCompile(`https://iduit\.example\.org/reset-password\?token=([A-Za-z0-9_-]+)`)

// TestPasswordResetMailSurvivesARestart: a reset asked for while mail is off waits in the outbox; a
// server started later with SMTP delivers it to a real SMTP server (Mailpit), in the language asked
// for, with the public link; the link sets a new password once. An invitation reaches a person without an
// account and its link joins them. A mail marked sent is not sent again by the next server.
func TestPasswordResetMailSurvivesARestart(t *testing.T) {
	mailpit := testmail.Start(t)
	addr := freePort(t)
	env := map[string]string{"DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "mail.db"), "IDUIT_ADDR": addr,
		"IDUIT_PUBLIC_URL": "https://iduit.example.org"}
	base := "http://" + addr + "/api/v1"

	stop := startServe(t, env) // mail off
	if code := postJSON(t, base+"/users", map[string]string{"email": "nurlan@example.org", "name": "Нурлан", "password": "old passphrase here"}); code != 201 {
		t.Fatalf("sign-up: %d", code)
	}
	if code := postJSON(t, base+"/password-resets", map[string]string{"email": "Nurlan@Example.org", "lang": "ru"}); code != 202 {
		t.Fatalf("reset request: %d", code)
	}
	if code := postJSON(t, base+"/password-resets", map[string]string{"email": "nobody@example.org"}); code != 202 {
		t.Fatalf("a reset for an unknown address must look the same: %d", code)
	}
	stop()

	env["IDUIT_SMTP_URL"], env["IDUIT_MAIL_FROM"] = mailpit.SMTPURL, "iduit <noreply@example.org>"
	stop = startServe(t, env)
	msgs := mailpit.WaitFor(t, 1, 15*time.Second)
	m := msgs[0]
	if len(msgs) != 1 || len(m.To) != 1 || m.To[0].Address != "nurlan@example.org" || !strings.Contains(m.Subject, "смена пароля") {
		t.Fatalf("mail: %+v", msgs)
	}
	if !strings.HasSuffix(m.MessageID, "@iduit.example.org") {
		t.Errorf("Message-ID %q is not the one fixed in the outbox", m.MessageID)
	}
	link := resetLink.FindStringSubmatch(m.Text)
	if link == nil {
		t.Fatalf("no reset link in %q", m.Text)
	}
	if code := postJSON(t, base+"/password-resets/redeem", map[string]string{"token": link[1], "password": "new passphrase here"}); code != 204 {
		t.Fatalf("redeem: %d", code)
	}
	if code := postJSON(t, base+"/password-resets/redeem", map[string]string{"token": link[1], "password": "another passphrase"}); code != 404 {
		t.Fatalf("a used link answered %d", code)
	}
	if code := postJSON(t, base+"/sessions", map[string]string{"email": "nurlan@example.org", "password": "old passphrase here"}); code != 401 {
		t.Fatalf("the old password still works: %d", code)
	}
	code, session := postJSONAs(t, base+"/sessions", "", map[string]string{"email": "nurlan@example.org", "password": "new passphrase here"})
	if code != 201 {
		t.Fatalf("the new password does not work: %d", code)
	}
	owner := session["token"].(string)

	// An invitation reaches a person without an account, in English, and its link joins them.
	_, proposal := postJSONAs(t, base+"/proposals", owner, map[string]string{"template": "gf-concept-note-pwid", "title": "Harm reduction in Osh", "language": "en", "country": "Kyrgyzstan"})
	id, _ := proposal["id"].(string)
	if code, _ := postJSONAs(t, base+"/proposals/"+id+"/invitations", owner, map[string]string{"email": "aibek@example.org", "role": "reviewer"}); code != 201 {
		t.Fatalf("invite: %d", code)
	}
	msgs = mailpit.WaitFor(t, 2, 15*time.Second)
	invite := msgs[0] // newest first
	join := invitationLink.FindStringSubmatch(invite.Text)
	if invite.To[0].Address != "aibek@example.org" || !strings.Contains(invite.Subject, "Harm reduction in Osh") || join == nil {
		t.Fatalf("invitation mail: %+v", invite)
	}
	if code := postJSON(t, base+"/users", map[string]string{"email": "aibek@example.org", "name": "Aibek", "password": "reviewer passphrase", "invitation": join[1]}); code != 201 {
		t.Fatalf("sign-up through the invitation: %d", code)
	}
	_, session = postJSONAs(t, base+"/sessions", "", map[string]string{"email": "aibek@example.org", "password": "reviewer passphrase"})
	req, _ := http.NewRequest(http.MethodGet, base+"/proposals/"+id, nil)
	req.Header.Set("Authorization", "Bearer "+session["token"].(string))
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("the invited reviewer cannot read the proposal: %v %v", resp, err)
	}
	resp.Body.Close()
	stop()

	stop = startServe(t, env)
	time.Sleep(3 * mailPoll)
	stop()
	if msgs, err := mailpit.Messages(); err != nil || len(msgs) != 2 {
		t.Fatalf("after another restart mailpit has %d messages (%v): a sent mail was sent again", len(msgs), err)
	}
}
