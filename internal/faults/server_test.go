// Package faults holds the fault tests: a real iduit process killed mid-load, its PostgreSQL stopped and
// started under it, its disk filled or made read-only. They run the built binary, not the code in-process,
// because a process is what dies.
package faults

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "iduit-faults-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "iduit")
	build := exec.Command("go", "build", "-o", binary, "iduit/cmd/iduit")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		panic(fmt.Sprintf("building iduit: %v", err))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// server is one running iduit process.
type server struct {
	addr string
	env  []string
	cmd  *exec.Cmd
	logs *strings.Builder
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// startServer runs `iduit serve` with the given database and waits until it is ready.
func startServer(t *testing.T, databaseURL string) *server {
	t.Helper()
	s := &server{addr: freeAddr(t), logs: &strings.Builder{}}
	s.env = append(os.Environ(), "DATABASE_URL="+databaseURL, "IDUIT_ADDR="+s.addr, "IDUIT_LOG_LEVEL=warn")
	s.start(t)
	t.Cleanup(func() { s.stop() })
	return s
}

func (s *server) start(t *testing.T) {
	t.Helper()
	s.cmd = exec.Command(binary, "serve")
	s.cmd.Env = s.env
	s.cmd.Stdout, s.cmd.Stderr = io.Discard, &lockedWriter{b: s.logs}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if !waitFor(15*time.Second, func() bool { return s.status("/readyz") == http.StatusOK }) {
		t.Fatalf("server did not become ready; logs:\n%s", s.logs.String())
	}
}

// kill ends the process with SIGKILL: no shutdown, no flushing, as a power cut or OOM would.
func (s *server) kill() {
	if s.cmd != nil && s.cmd.Process != nil {
		_ = s.cmd.Process.Kill()
		_ = s.cmd.Wait()
		s.cmd = nil
	}
}

func (s *server) stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		_ = s.cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = s.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			s.kill()
		}
		s.cmd = nil
	}
}

func (s *server) status(path string) int {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+s.addr+path, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

func waitFor(limit time.Duration, ok func() bool) bool {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if ok() {
			return true
		}
		time.Sleep(100 * time.Millisecond)
	}
	return false
}
