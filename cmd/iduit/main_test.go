package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"iduit/internal/testdb"
	"iduit/models"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func TestRunRejectsBadInvocations(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"no command", nil, nil, "no command"},
		{"unknown command", []string{"frobnicate"}, nil, "unknown command"},
		{"bad database URL", []string{"migrate"}, map[string]string{"DATABASE_URL": "mysql://x"}, "DATABASE_URL must start with"},
		{"bad duration", []string{"serve"}, map[string]string{"IDUIT_SESSION_TTL": "soon"}, "IDUIT_SESSION_TTL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(context.Background(), tt.args, envOf(tt.env), &out, &out)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestMigrateCommand(t *testing.T) {
	env := envOf(map[string]string{"DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "m.db")})
	var out bytes.Buffer
	if err := run(context.Background(), []string{"migrate"}, env, &out, &out); err != nil {
		t.Fatal(err)
	}
	if err := run(context.Background(), []string{"migrate"}, env, &out, &out); err != nil {
		t.Fatal(err)
	}
	first := fmt.Sprintf("applied %d migration(s)", models.SchemaVersion())
	if !strings.Contains(out.String(), first) || !strings.Contains(out.String(), "applied 0 migration(s)") {
		t.Fatalf("output %q", out.String())
	}
}

// TestServeUntilSignal runs the real binary's serve path on a fresh SQLite file: it migrates, answers,
// passes its own healthcheck, and shuts down cleanly when its context ends (as on SIGTERM).
func TestServeUntilSignal(t *testing.T) {
	addr := freePort(t)
	env := envOf(map[string]string{"DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "s.db"), "IDUIT_ADDR": addr})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var logs bytes.Buffer
	go func() { done <- run(ctx, []string{"serve"}, env, &logs, &logs) }()

	if err := waitReady(env); err != nil {
		cancel()
		t.Fatalf("%v; logs:\n%s", err, logs.String())
	}
	resp, err := http.Get("http://" + addr + "/api/v1/templates")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("templates: %v %v", resp, err)
	}
	resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop after its context ended")
	}
	if err := run(context.Background(), []string{"healthcheck"}, env, &logs, &logs); err == nil {
		t.Fatal("healthcheck passed with the server stopped")
	}
}

func waitReady(env func(string) string) error {
	var err error
	for i := 0; i < 100; i++ {
		if err = run(context.Background(), []string{"healthcheck"}, env, &bytes.Buffer{}, &bytes.Buffer{}); err == nil {
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("server never became ready: %w", err)
}

// TestServeRefusesUnmigratedPostgres: PostgreSQL deployments migrate as a separate step, so serve must not
// start on a database that step has not reached.
func TestServeRefusesUnmigratedPostgres(t *testing.T) {
	url := testdb.FreshPostgres(t)
	env := envOf(map[string]string{"DATABASE_URL": url, "IDUIT_ADDR": freePort(t)})
	var logs bytes.Buffer
	err := run(context.Background(), []string{"serve"}, env, &logs, &logs)
	if err == nil || !strings.Contains(err.Error(), "iduit migrate") {
		t.Fatalf("serve on an empty PostgreSQL returned %v", err)
	}
	if err := run(context.Background(), []string{"migrate"}, env, &logs, &logs); err != nil {
		t.Fatal(err)
	}
}

func TestBackupAndRestore(t *testing.T) {
	dir := t.TempDir()
	env := envOf(map[string]string{"DATABASE_URL": "sqlite:" + filepath.Join(dir, "live.db")})
	var out bytes.Buffer
	ctx := context.Background()
	if err := run(ctx, []string{"migrate"}, env, &out, &out); err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(dir, "copy.db")
	if err := run(ctx, []string{"backup", copyPath}, env, &out, &out); err != nil {
		t.Fatal(err)
	}
	if err := run(ctx, []string{"backup", copyPath}, env, &out, &out); err == nil {
		t.Fatal("backup overwrote an existing file")
	}
	bogus := filepath.Join(dir, "bogus.db")
	if err := os.WriteFile(bogus, []byte("not a database"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := run(ctx, []string{"restore", bogus}, env, &out, &out); err == nil {
		t.Fatal("restore accepted a file that is not a database")
	}
	if err := run(ctx, []string{"restore", copyPath}, env, &out, &out); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "live.db.before-restore")); err != nil {
		t.Fatalf("the replaced database was not kept: %v", err)
	}
	if err := run(ctx, []string{"migrate"}, env, &out, &out); err != nil || !strings.Contains(out.String(), "applied 0 migration(s)") {
		t.Fatalf("the restored database is not current: %v %s", err, out.String())
	}
}

// TestSecretsFromFiles: a secret may come from the file VAR_FILE names (Docker and Kubernetes secrets),
// and it wins over the plain variable.
func TestSecretsFromFiles(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "db-url")
	if err := os.WriteFile(secret, []byte("postgres://iduit:s3cret@db:5432/iduit\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := loadConfig("serve", nil, envOf(map[string]string{"DATABASE_URL": "sqlite:x.db", "DATABASE_URL_FILE": secret}), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.DatabaseURL != "postgres://iduit:s3cret@db:5432/iduit" {
		t.Fatalf("DatabaseURL %q", cfg.DatabaseURL)
	}
	if strings.Contains(cfg.String(), "s3cret") {
		t.Fatalf("the start-up log line shows the password: %s", cfg.String())
	}
	_, err = loadConfig("serve", nil, envOf(map[string]string{"DATABASE_URL_FILE": filepath.Join(dir, "missing")}), io.Discard)
	if err == nil || !strings.Contains(err.Error(), "DATABASE_URL_FILE cannot be read") {
		t.Fatalf("a missing secret file gave %v", err)
	}
}
