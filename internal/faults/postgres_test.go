package faults

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"iduit/internal/loadgen"
)

// pgCluster is a PostgreSQL server of the test's own, in a temporary directory on a free port, so that
// stopping it disturbs nothing else on the machine.
type pgCluster struct {
	dir, port string
}

const pgBin = "/usr/lib/postgresql/15/bin"

func newCluster(t *testing.T) *pgCluster {
	t.Helper()
	if _, err := os.Stat(filepath.Join(pgBin, "initdb")); err != nil || os.Geteuid() != 0 {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI needs PostgreSQL 15's initdb at %s and root to run it as postgres", pgBin)
		}
		t.Skip("PostgreSQL server binaries or root are not available")
	}
	dir, err := os.MkdirTemp("", "iduit-pg-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	_, port, _ := splitHostPort(freeAddr(t))
	c := &pgCluster{dir: dir, port: port}
	c.run(t, "chown", "postgres:postgres", dir)
	c.run(t, "runuser", "-u", "postgres", "--", filepath.Join(pgBin, "initdb"), "-D", c.data(), "-A", "trust", "-U", "postgres", "--no-sync")
	c.start(t)
	t.Cleanup(func() { _ = c.ctl("stop", "-m", "immediate") })
	c.run(t, "psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-c", "CREATE DATABASE iduit")
	return c
}

func (c *pgCluster) data() string { return filepath.Join(c.dir, "data") }

func (c *pgCluster) url() string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%s/iduit?sslmode=disable", c.port)
}

func (c *pgCluster) ctl(args ...string) error {
	opts := fmt.Sprintf("-p %s -k %s -c listen_addresses=127.0.0.1", c.port, c.dir)
	all := append([]string{"-u", "postgres", "--", filepath.Join(pgBin, "pg_ctl"), "-D", c.data(), "-w", "-l", filepath.Join(c.dir, "log"), "-o", opts}, args...)
	out, err := exec.Command("runuser", all...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("pg_ctl %v: %v: %s", args, err, out)
	}
	return nil
}

func (c *pgCluster) start(t *testing.T) {
	t.Helper()
	if err := c.ctl("start"); err != nil {
		t.Fatal(err)
	}
}

func (c *pgCluster) stop(t *testing.T) {
	t.Helper()
	if err := c.ctl("stop", "-m", "fast"); err != nil {
		t.Fatal(err)
	}
}

func (c *pgCluster) run(t *testing.T, name string, args ...string) {
	t.Helper()
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %v: %v: %s", name, args, err, out)
	}
}

// TestPostgresRestartFailsCleanlyAndRecovers stops the server's PostgreSQL under it: requests must fail
// with 503 (never 500) and /readyz must say so; once PostgreSQL is back, the same server recovers by
// itself, without a restart.
func TestPostgresRestartFailsCleanlyAndRecovers(t *testing.T) {
	pg := newCluster(t)
	if out, err := exec.Command(binary, "migrate", "-database-url", pg.url()).CombinedOutput(); err != nil {
		t.Fatalf("migrate: %v %s", err, out)
	}
	srv := startServer(t, pg.url())
	api := newAPIClient(t, srv.addr)
	id := api.newProposal(t)
	if status := api.save(t, id, 0, "до остановки"); status != http.StatusOK {
		t.Fatalf("save before the stop: %d", status)
	}

	pg.stop(t)
	if !waitFor(10*time.Second, func() bool { return srv.status("/readyz") == http.StatusServiceUnavailable }) {
		t.Fatalf("/readyz did not report the database down")
	}
	if status := api.save(t, id, 1, "во время остановки"); status != http.StatusServiceUnavailable {
		t.Fatalf("a save with the database down answered %d, want 503", status)
	}
	if srv.status("/healthz") != http.StatusOK {
		t.Fatal("/healthz should stay alive while the database is down")
	}

	pg.start(t)
	if !waitFor(15*time.Second, func() bool { return srv.status("/readyz") == http.StatusOK }) {
		t.Fatalf("/readyz did not recover after PostgreSQL came back")
	}
	if status := api.save(t, id, 1, "после остановки"); status != http.StatusOK {
		t.Fatalf("a save after recovery answered %d, want 200 (the save during the outage must not have been applied)", status)
	}
}

// TestTwoServersOnOnePostgres runs two server processes on one database with writers spread over both,
// contending for the same sections: every acknowledged save must be in the database, no revision may
// exist that nobody was told about, and no request may fail with 5xx. This is how iduit scales out.
func TestTwoServersOnOnePostgres(t *testing.T) {
	pg := newCluster(t)
	if out, err := exec.Command(binary, "migrate", "-database-url", pg.url()).CombinedOutput(); err != nil {
		t.Fatalf("migrate: %v %s", err, out)
	}
	a, b := startServer(t, pg.url()), startServer(t, pg.url())
	rep, err := loadgen.Run(context.Background(), loadgen.Options{Addr: a.addr + "," + b.addr, Scenario: "contend",
		Concurrency: 24, Proposals: 4, Duration: 3 * time.Second, MaxRequests: 1_000_000})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Acknowledged < 50 || rep.Statuses["412"] == 0 {
		t.Fatalf("the run did not contend: %s", rep)
	}
	t.Logf("%s", rep)
}
