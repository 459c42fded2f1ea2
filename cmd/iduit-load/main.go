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

	"iduit/internal/loadgen"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "iduit-load:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, out io.Writer) error {
	var o loadgen.Options
	var jsonOut bool
	fs := flag.NewFlagSet("iduit-load", flag.ContinueOnError)
	fs.StringVar(&o.Addr, "addr", "127.0.0.1:8080", "server address (loopback only); contend: several, comma-separated, share the writers")
	fs.StringVar(&o.Scenario, "scenario", "section-get", "healthz | section-get | section-save | contend")
	fs.IntVar(&o.Proposals, "proposals", 20, "contend: how many proposals the writers share")
	fs.IntVar(&o.Concurrency, "concurrency", 16, "concurrent clients")
	fs.DurationVar(&o.Duration, "duration", 10*time.Second, "how long to run (at most 5m)")
	fs.Int64Var(&o.MaxRequests, "max-requests", 2_000_000, "stop after this many requests")
	fs.BoolVar(&jsonOut, "json", false, "print the report as JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	rep, err := loadgen.Run(ctx, o)
	if jsonOut {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		if encErr := enc.Encode(rep); encErr != nil {
			return encErr
		}
	} else if rep.Requests > 0 {
		fmt.Fprintln(out, rep)
	}
	return err
}
