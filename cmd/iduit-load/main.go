// Command iduit-load drives a running iduit server over loopback and reports throughput and latency
// percentiles. It is bounded in time and request count and stops by itself; point it only at a server
// of your own on this machine.
//
//	iduit-load -addr 127.0.0.1:8080 -scenario section-save -concurrency 16 -duration 10s
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"time"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "iduit-load:", err)
		os.Exit(1)
	}
}

// options bound every run: a duration, a request cap, and loopback only.
type options struct {
	addr        string
	scenario    string
	concurrency int
	duration    time.Duration
	maxRequests int64
	jsonOut     bool
}

func run(ctx context.Context, args []string, out io.Writer) error {
	var o options
	fs := flag.NewFlagSet("iduit-load", flag.ContinueOnError)
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "server address (loopback only)")
	fs.StringVar(&o.scenario, "scenario", "section-get", "healthz | section-get | section-save")
	fs.IntVar(&o.concurrency, "concurrency", 16, "concurrent clients")
	fs.DurationVar(&o.duration, "duration", 10*time.Second, "how long to run (at most 5m)")
	fs.Int64Var(&o.maxRequests, "max-requests", 2_000_000, "stop after this many requests")
	fs.BoolVar(&o.jsonOut, "json", false, "print the report as JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := o.check(); err != nil {
		return err
	}
	client := newClient(o.addr, o.concurrency)
	work, err := prepare(ctx, client, o)
	if err != nil {
		return err
	}
	rep := drive(ctx, o, work)
	if o.jsonOut {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	fmt.Fprintln(out, rep)
	return nil
}

func (o options) check() error {
	switch {
	case o.duration <= 0 || o.duration > 5*time.Minute:
		return fmt.Errorf("-duration must be between 0 and 5m")
	case o.concurrency < 1 || o.concurrency > 512:
		return fmt.Errorf("-concurrency must be between 1 and 512")
	case !isLoopback(o.addr):
		return fmt.Errorf("-addr %q is not a loopback address; this tool only loads servers on this machine", o.addr)
	}
	return nil
}

// prepare signs up, creates what the scenario needs and returns one request function per worker.
func prepare(ctx context.Context, c *client, o options) ([]func(context.Context) (int, error), error) {
	work := make([]func(context.Context) (int, error), o.concurrency)
	if o.scenario == "healthz" {
		for i := range work {
			work[i] = func(ctx context.Context) (int, error) { return c.get(ctx, "/healthz", "") }
		}
		return work, nil
	}
	token, err := c.signUp(ctx)
	if err != nil {
		return nil, err
	}
	for i := range work {
		// One proposal per worker, so saves measure the database rather than contention on one section.
		id, err := c.createProposal(ctx, token)
		if err != nil {
			return nil, err
		}
		path := "/api/v1/proposals/" + id + "/sections/epidemiology"
		switch o.scenario {
		case "section-get":
			work[i] = func(ctx context.Context) (int, error) { return c.get(ctx, path, token) }
		case "section-save":
			work[i] = c.saver(path, token)
		default:
			return nil, fmt.Errorf("unknown -scenario %q", o.scenario)
		}
	}
	return work, nil
}
