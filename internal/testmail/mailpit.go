// Package testmail gives tests a real SMTP server: Mailpit (github.com/axllent/mailpit), started on free
// loopback ports for one test, with its HTTP API to read what arrived.
package testmail

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Server is a running Mailpit.
type Server struct {
	// SMTPURL is the server as IDUIT_SMTP_URL names it (plain SMTP on loopback).
	SMTPURL string
	api     string
}

// Message is one received mail as Mailpit's API gives it.
type Message struct {
	ID        string `json:"ID"`
	MessageID string `json:"MessageID"`
	Subject   string `json:"Subject"`
	To        []struct {
		Address string `json:"Address"`
	} `json:"To"`
	Text string `json:"Text"`
}

// binary finds Mailpit: $MAILPIT, then PATH, then Go's bin folder (where `go install` puts it).
func binary() string {
	candidates := []string{os.Getenv("MAILPIT"), "mailpit"}
	if gopath, err := exec.Command("go", "env", "GOPATH").Output(); err == nil {
		candidates = append(candidates, filepath.Join(strings.TrimSpace(string(gopath)), "bin", "mailpit"))
	}
	for _, c := range candidates {
		if c == "" {
			continue
		}
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	return ""
}

// Start runs Mailpit until the test ends. Without it the test is skipped, except under CI=true, where a
// mail test that silently skips would prove nothing.
func Start(t testing.TB) *Server {
	t.Helper()
	bin := binary()
	if bin == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but mailpit is not installed (go install github.com/axllent/mailpit@v1.33.1)")
		}
		t.Skip("mailpit is not installed; go install github.com/axllent/mailpit@v1.33.1")
	}
	smtpAddr, httpAddr := freeAddr(t), freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "--smtp", smtpAddr, "--listen", httpAddr, "--quiet",
		"--database", filepath.Join(t.TempDir(), "mailpit.db"), "--disable-version-check")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); _ = cmd.Wait() })
	s := &Server{SMTPURL: "smtp://" + smtpAddr + "?tls=none", api: "http://" + httpAddr}
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if _, err := s.Messages(); err == nil {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatal("mailpit did not start")
		}
	}
}

func freeAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// Messages lists every received mail with its text, newest first.
func (s *Server) Messages() ([]Message, error) {
	var list struct {
		Messages []Message `json:"messages"`
	}
	if err := s.get("/api/v1/messages", &list); err != nil {
		return nil, err
	}
	out := make([]Message, 0, len(list.Messages))
	for _, m := range list.Messages {
		var full Message
		if err := s.get("/api/v1/message/"+m.ID, &full); err != nil {
			return nil, err
		}
		out = append(out, full)
	}
	return out, nil
}

// WaitFor polls until n mails have arrived, then returns them; it fails the test after timeout.
func (s *Server) WaitFor(t testing.TB, n int, timeout time.Duration) []Message {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		msgs, err := s.Messages()
		if err == nil && len(msgs) >= n {
			return msgs
		}
		if time.Now().After(deadline) {
			t.Fatalf("mailpit has %d message(s), want %d (%v)", len(msgs), n, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (s *Server) get(path string, v any) error {
	resp, err := http.Get(s.api + path)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("mailpit %s: %s", path, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// Headers returns one received mail's headers, each with its values.
func (s *Server) Headers(id string) (map[string][]string, error) {
	var h map[string][]string
	err := s.get("/api/v1/message/"+id+"/headers", &h)
	return h, err
}
