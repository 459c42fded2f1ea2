// Command iduit runs the iduit service: `iduit serve`, `iduit migrate`, `iduit healthcheck`.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "iduit:", err)
		os.Exit(1)
	}
}

const usage = `usage: iduit <command> [flags]

commands:
  serve        run the web service (default: SQLite file iduit.db, listening on :8080)
  migrate      apply database migrations and exit
  healthcheck  exit 0 when the server at IDUIT_ADDR is ready
  backup FILE  copy the live SQLite database to FILE
  restore FILE put a backup in place of the SQLite database (server stopped)
  render       --in proposal.json [--format pdf|docx] [--out FILE] [--lang ru]: the PDF or Word file of an export, offline

configuration comes from the environment (see README.md); flags mirror it.`

// run is the whole program with its inputs made explicit, so tests can drive it.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return fmt.Errorf("no command given")
	}
	if args[0] == "render" { // offline: needs no configuration, no database
		return render(args[1:], stdout, stderr)
	}
	cfg, err := loadConfig(args[0], args[1:], getenv, stderr)
	if err != nil {
		return err
	}
	switch args[0] {
	case "serve":
		return serve(ctx, cfg, stderr)
	case "migrate":
		return migrate(ctx, cfg, stdout)
	case "healthcheck":
		return healthcheck(ctx, cfg)
	case "backup":
		return backup(ctx, cfg, cfg.Args, stdout)
	case "restore":
		return restore(ctx, cfg, cfg.Args, stdout)
	}
	fmt.Fprintln(stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}
