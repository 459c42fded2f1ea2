// Package loadgen drives a running iduit server over loopback and checks what it answered: the engine
// of cmd/iduit-load and of the fault tests. Every run is bounded in time and request count, and only
// loopback addresses are accepted.
package loadgen

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Options bound every run: a duration, a request cap, and loopback only.
type Options struct {
	Addr        string
	Scenario    string
	Concurrency int
	Duration    time.Duration
	MaxRequests int64
	Proposals   int
}

// Run prepares the scenario, drives it and, for "contend", checks the database against what the
// clients were told.
func Run(ctx context.Context, o Options) (Report, error) {
	if err := o.Check(); err != nil {
		return Report{}, err
	}
	addrs := strings.Split(o.Addr, ",")
	client := NewClient(addrs[0], o.Concurrency)
	if o.Scenario != "contend" {
		work, err := prepare(ctx, client, o)
		if err != nil {
			return Report{}, err
		}
		return Drive(ctx, o, work), nil
	}
	k, err := NewContention(ctx, client, o.Proposals)
	if err != nil {
		return Report{}, err
	}
	for _, addr := range addrs[1:] {
		k.SpreadOver(NewClient(addr, o.Concurrency))
	}
	work := make([]func(context.Context) (int, error), o.Concurrency)
	for i := range work {
		work[i] = k.Worker(i)
	}
	rep := Drive(ctx, o, work)
	rep.Verified, rep.Problems = k.Verify(ctx)
	rep.Acknowledged, rep.Unknown = len(k.acked), k.unknown
	if len(rep.Problems) > 0 || rep.Statuses["error"] > 0 || rep.serverErrors() > 0 {
		return rep, fmt.Errorf("contend run failed its checks: %s", rep)
	}
	return rep, nil
}

// Check refuses runs that are unbounded or aimed at another machine.
func (o Options) Check() error {
	switch {
	case o.Duration <= 0 || o.Duration > 5*time.Minute:
		return fmt.Errorf("-duration must be between 0 and 5m")
	case o.Concurrency < 1 || o.Concurrency > 512:
		return fmt.Errorf("-concurrency must be between 1 and 512")
	case !allLoopback(o.Addr):
		return fmt.Errorf("-addr %q is not a loopback address; this tool only loads servers on this machine", o.Addr)
	}
	return nil
}

// prepare signs up, creates what the scenario needs and returns one request function per worker.
func prepare(ctx context.Context, c *Client, o Options) ([]func(context.Context) (int, error), error) {
	work := make([]func(context.Context) (int, error), o.Concurrency)
	if o.Scenario == "healthz" {
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
		switch o.Scenario {
		case "section-get":
			work[i] = func(ctx context.Context) (int, error) { return c.get(ctx, path, token) }
		case "section-save":
			work[i] = c.saver(path, token)
		default:
			return nil, fmt.Errorf("unknown -scenario %q", o.Scenario)
		}
	}
	return work, nil
}

func allLoopback(addrs string) bool {
	for _, a := range strings.Split(addrs, ",") {
		if !isLoopback(a) {
			return false
		}
	}
	return true
}
