package loadgen

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Report is what one run measured.
type Report struct {
	Scenario    string         `json:"scenario"`
	Concurrency int            `json:"concurrency"`
	Seconds     float64        `json:"seconds"`
	Requests    int            `json:"requests"`
	PerSecond   float64        `json:"per_second"`
	P50ms       float64        `json:"p50_ms"`
	P95ms       float64        `json:"p95_ms"`
	P99ms       float64        `json:"p99_ms"`
	Statuses    map[string]int `json:"statuses"`
	// The contend scenario's checks: saves acknowledged, revisions found matching them, outcomes never
	// learnt (transport errors), and every mismatch.
	Acknowledged int      `json:"acknowledged,omitempty"`
	Verified     int      `json:"verified,omitempty"`
	Unknown      int      `json:"unknown,omitempty"`
	Problems     []string `json:"problems,omitempty"`
}

func (r Report) serverErrors() int {
	n := 0
	for status, count := range r.Statuses {
		if strings.HasPrefix(status, "5") {
			n += count
		}
	}
	return n
}

func (r Report) String() string {
	s := fmt.Sprintf("%s c=%d: %d requests in %.1fs = %.0f/s; p50 %.2f ms, p95 %.2f ms, p99 %.2f ms; statuses %v",
		r.Scenario, r.Concurrency, r.Requests, r.Seconds, r.PerSecond, r.P50ms, r.P95ms, r.P99ms, r.Statuses)
	if r.Scenario == "contend" {
		s += fmt.Sprintf("; acknowledged %d, verified %d, unknown outcome %d, problems %d %v", r.Acknowledged, r.Verified, r.Unknown, len(r.Problems), r.Problems)
	}
	return s
}

// Drive runs every worker until the duration or the request cap is reached.
func Drive(ctx context.Context, o Options, work []func(context.Context) (int, error)) Report {
	ctx, cancel := context.WithTimeout(ctx, o.Duration)
	defer cancel()
	var issued atomic.Int64
	latencies := make([][]time.Duration, len(work))
	statuses := make([]map[string]int, len(work))
	start := time.Now()
	var wg sync.WaitGroup
	for i, w := range work {
		wg.Add(1)
		statuses[i] = map[string]int{}
		go func() {
			defer wg.Done()
			// A request in flight at the deadline runs to its end (WithoutCancel): cutting it off would
			// leave its outcome unknown, and the contend checks count every outcome.
			for ctx.Err() == nil && issued.Add(1) <= o.MaxRequests {
				t0 := time.Now()
				status, err := w(context.WithoutCancel(ctx))
				latencies[i] = append(latencies[i], time.Since(t0))
				key := fmt.Sprint(status)
				if err != nil {
					key = "error"
				}
				statuses[i][key]++
			}
		}()
	}
	wg.Wait()
	return summarise(o, time.Since(start), latencies, statuses)
}

func summarise(o Options, elapsed time.Duration, latencies [][]time.Duration, statuses []map[string]int) Report {
	var all []time.Duration
	total := map[string]int{}
	for i := range latencies {
		all = append(all, latencies[i]...)
		for k, v := range statuses[i] {
			total[k] += v
		}
	}
	slices.Sort(all)
	pct := func(p float64) float64 {
		if len(all) == 0 {
			return 0
		}
		return float64(all[int(p*float64(len(all)-1))].Microseconds()) / 1000
	}
	return Report{
		Scenario: o.Scenario, Concurrency: o.Concurrency, Seconds: elapsed.Seconds(), Requests: len(all),
		PerSecond: float64(len(all)) / elapsed.Seconds(), P50ms: pct(0.50), P95ms: pct(0.95), P99ms: pct(0.99), Statuses: total,
	}
}
