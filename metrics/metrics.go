// Package metrics is iduit's Prometheus instrumentation: what the server counts and how it is exposed.
// It wraps github.com/prometheus/client_golang so that the rest of the program sees a few plain methods
// (the api observes requests, the wiring in cmd registers the database's numbers) and never the library.
//
// The metrics live in a registry of their own rather than the library's global one: two servers in one
// test process must not share counters, and nothing else in the binary should add to what is exposed.
package metrics

import (
	"database/sql"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics holds the server's collectors. The zero value is not usable; a nil *Metrics is, and counts nothing,
// so callers need no checks of their own.
type Metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	renders  *prometheus.CounterVec
	gateWait *prometheus.HistogramVec
}

// New makes the collectors and registers them, with the Go runtime's and the process's own.
func New() *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "iduit_http_requests_total",
			Help: "HTTP requests answered, by route pattern (never the raw path: ids stay out), method and status code.",
		}, []string{"route", "method", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "iduit_http_request_duration_seconds",
			Help: "Time from the request's arrival to its answer, by route pattern and method.",
			// A save answers in a few milliseconds, a cold PDF in tens: the buckets span both.
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route", "method"}),
		renders: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "iduit_renders_total",
			Help: "Documents rendered (cache misses), by format and outcome.",
		}, []string{"format", "outcome"}),
		gateWait: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "iduit_gate_wait_seconds",
			Help:    "Time a bounded piece of work (render, diff, password hash) waited for a slot, by gate.",
			Buckets: []float64{.0001, .001, .01, .05, .1, .25, .5, 1, 2, 5},
		}, []string{"gate"}),
	}
	m.registry.MustRegister(m.requests, m.duration, m.renders, m.gateWait,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the registry in Prometheus's text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
}

// ObserveRequest counts one answered request. route is the router's pattern; an unmatched path is
// counted under "unmatched" so that scanners cannot grow the label set without bound.
func (m *Metrics) ObserveRequest(route, method string, status int, elapsed time.Duration) {
	if m == nil {
		return
	}
	if route == "" {
		route = "unmatched"
	}
	m.requests.WithLabelValues(route, method, strconv.Itoa(status)).Inc()
	m.duration.WithLabelValues(route, method).Observe(elapsed.Seconds())
}

// Rendered counts one rendered document of a format ("pdf", "docx", …) with its outcome ("ok", "error").
func (m *Metrics) Rendered(format, outcome string) {
	if m == nil {
		return
	}
	m.renders.WithLabelValues(format, outcome).Inc()
}

// Waited records how long a piece of work waited at a named gate before it ran or was turned away.
func (m *Metrics) Waited(gate string, d time.Duration) {
	if m == nil {
		return
	}
	m.gateWait.WithLabelValues(gate).Observe(d.Seconds())
}

// WatchPool exposes a database/sql pool's statistics (open, in use, idle, waits) under db_name.
func (m *Metrics) WatchPool(dbName string, db *sql.DB) {
	m.registry.MustRegister(collectors.NewDBStatsCollector(db, dbName))
}

// WatchQueue exposes a length read when scraped, such as the SQLite writer's queue.
func (m *Metrics) WatchQueue(name, help string, length func() int) {
	m.registry.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help},
		func() float64 { return float64(length()) }))
}
