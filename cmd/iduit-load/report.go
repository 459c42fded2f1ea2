package main

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// report is what one run measured.
type report struct {
	Scenario    string         `json:"scenario"`
	Concurrency int            `json:"concurrency"`
	Seconds     float64        `json:"seconds"`
	Requests    int            `json:"requests"`
	PerSecond   float64        `json:"per_second"`
	P50ms       float64        `json:"p50_ms"`
	P95ms       float64        `json:"p95_ms"`
	P99ms       float64        `json:"p99_ms"`
	Statuses    map[string]int `json:"statuses"`
}

func (r report) String() string {
	return fmt.Sprintf("%s c=%d: %d requests in %.1fs = %.0f/s; p50 %.2f ms, p95 %.2f ms, p99 %.2f ms; statuses %v",
		r.Scenario, r.Concurrency, r.Requests, r.Seconds, r.PerSecond, r.P50ms, r.P95ms, r.P99ms, r.Statuses)
}

// drive runs every worker until the duration or the request cap is reached.
func drive(ctx context.Context, o options, work []func(context.Context) (int, error)) report {
	ctx, cancel := context.WithTimeout(ctx, o.duration)
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
			for ctx.Err() == nil && issued.Add(1) <= o.maxRequests {
				t0 := time.Now()
				status, err := w(ctx)
				if ctx.Err() != nil {
					return // cut off by the deadline: neither a result nor an error
				}
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

func summarise(o options, elapsed time.Duration, latencies [][]time.Duration, statuses []map[string]int) report {
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
	return report{
		Scenario: o.scenario, Concurrency: o.concurrency, Seconds: elapsed.Seconds(), Requests: len(all),
		PerSecond: float64(len(all)) / elapsed.Seconds(), P50ms: pct(0.50), P95ms: pct(0.95), P99ms: pct(0.99), Statuses: total,
	}
}
