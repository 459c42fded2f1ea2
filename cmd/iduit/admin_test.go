package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestAdminListenerServesMetricsAndProfiles runs serve with IDUIT_ADMIN_ADDR: the admin address answers
// /metrics in Prometheus's format with the requests the public address served (by route pattern, not by
// path), the database pool and the write queue, and /debug/pprof/; the public address serves neither.
func TestAdminListenerServesMetricsAndProfiles(t *testing.T) {
	addr, adminAddr := freePort(t), freePort(t)
	env := envOf(map[string]string{"DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "m.db"),
		"IDUIT_ADDR": addr, "IDUIT_ADMIN_ADDR": adminAddr})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var logs bytes.Buffer
	go func() { done <- run(ctx, []string{"serve"}, env, &logs, &logs) }()
	defer func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve returned %v", err)
			}
		case <-time.After(20 * time.Second):
			t.Error("serve did not stop after its context ended")
		}
	}()
	if err := waitReady(env); err != nil {
		t.Fatalf("%v; logs:\n%s", err, logs.String())
	}
	get := func(url string) (int, string) {
		t.Helper()
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	for range 3 {
		if code, _ := get("http://" + addr + "/api/v1/templates/gf-concept-note-pwid"); code != 200 {
			t.Fatalf("template: %d", code)
		}
	}
	get("http://" + addr + "/api/v1/proposals/some-id") // 401: counted under its pattern, the id left out

	code, body := get("http://" + adminAddr + "/metrics")
	if code != 200 {
		t.Fatalf("/metrics on the admin address: %d", code)
	}
	for _, want := range []string{
		`iduit_http_requests_total{code="200",method="GET",route="/api/v1/templates/:key"} 3`,
		`iduit_http_requests_total{code="401",method="GET",route="/api/v1/proposals/:id"} 1`,
		`iduit_http_request_duration_seconds_count{method="GET",route="/api/v1/templates/:key"} 3`,
		`go_sql_open_connections{db_name="sqlite"}`,
		`iduit_write_queue_length 0`,
		`process_resident_memory_bytes`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if strings.Contains(body, "some-id") {
		t.Error("/metrics names a raw path")
	}
	if code, body := get("http://" + adminAddr + "/debug/pprof/"); code != 200 || !strings.Contains(body, "goroutine") {
		t.Errorf("/debug/pprof/ on the admin address: %d", code)
	}
	for _, path := range []string{"/metrics", "/debug/pprof/"} {
		if code, _ := get("http://" + addr + path); code != 404 {
			t.Errorf("the public address answers %s with %d", path, code)
		}
	}
}
