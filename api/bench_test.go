package api

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"iduit/internal/testdb"
)

// benchAPI builds the real router on one backend for benchmarks; b.N iterations share it.
func benchAPIs(b *testing.B, fn func(b *testing.B, a *testAPI)) {
	for _, backend := range testdb.Backends(b) {
		b.Run(backend.Name, func(b *testing.B) {
			store := testdb.Open(b, backend.URL(b))
			fn(b, newTestAPI(&testing.T{}, store))
		})
	}
}

// latencies collects per-request durations from parallel workers and reports percentiles.
type latencies struct {
	mu  sync.Mutex
	all []time.Duration
}

func (l *latencies) add(d []time.Duration) {
	l.mu.Lock()
	l.all = append(l.all, d...)
	l.mu.Unlock()
}

func (l *latencies) report(b *testing.B) {
	slices.Sort(l.all)
	for _, p := range []float64{0.50, 0.99} {
		if len(l.all) > 0 {
			b.ReportMetric(float64(l.all[int(p*float64(len(l.all)-1))].Microseconds())/1000, fmt.Sprintf("p%.0f-ms", p*100))
		}
	}
	b.ReportMetric(float64(len(l.all))/b.Elapsed().Seconds(), "req/s")
}

// BenchmarkSectionSave measures version-guarded saves (row + revision in one transaction), each parallel
// worker autosaving its own proposal's section.
func BenchmarkSectionSave(b *testing.B) {
	benchAPIs(b, func(b *testing.B, a *testAPI) {
		t := &testing.T{}
		owner := a.signUp(t, "Bench")
		var next atomic.Int64
		ids := make([]string, 64)
		for i := range ids {
			ids[i] = a.newProposal(t, owner)
		}
		text := strings.Repeat("Сообщество ЛУИН участвует в работе СКМ. ", 20)
		var lat latencies
		b.SetParallelism(8) // 8 writers per CPU: many people autosaving at once
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			path := sectionPath(ids[next.Add(1)-1], "epidemiology")
			version, local := 0, []time.Duration{}
			for pb.Next() {
				t0 := time.Now()
				status, etag := a.rawPut(owner.token, path, fmt.Sprintf(`"%d"`, version), fmt.Sprintf("%s%d", text, version))
				local = append(local, time.Since(t0))
				if status != http.StatusOK {
					b.Errorf("save answered %d", status)
					return
				}
				fmt.Sscanf(strings.Trim(etag, `"`), "%d", &version)
			}
			lat.add(local)
		})
		lat.report(b)
	})
}

// BenchmarkSectionGet measures an authenticated section read against /healthz in the same run.
func BenchmarkSectionGet(b *testing.B) {
	benchAPIs(b, func(b *testing.B, a *testAPI) {
		t := &testing.T{}
		owner := a.signUp(t, "Bench")
		path := sectionPath(a.newProposal(t, owner), "epidemiology")
		for _, target := range []struct{ name, path, token string }{{"healthz", "/healthz", ""}, {"section", path, owner.token}} {
			b.Run(target.name, func(b *testing.B) {
				var lat latencies
				b.RunParallel(func(pb *testing.PB) {
					local := []time.Duration{}
					for pb.Next() {
						req := httptest.NewRequest("GET", target.path, nil)
						if target.token != "" {
							req.Header.Set("Authorization", "Bearer "+target.token)
						}
						rec := httptest.NewRecorder()
						t0 := time.Now()
						a.handler.ServeHTTP(rec, req)
						local = append(local, time.Since(t0))
						if rec.Code != http.StatusOK {
							b.Errorf("GET answered %d", rec.Code)
							return
						}
					}
					lat.add(local)
				})
				lat.report(b)
			})
		}
	})
}
