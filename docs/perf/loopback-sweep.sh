#!/usr/bin/env bash
# Loopback sweep behind the "final build" tables of docs/performance.md: for each round, one server per
# database, then /healthz, section GET and section save against it (16 clients, 10 s each).
#
#   go build -o /tmp/iduit ./cmd/iduit && go build -o /tmp/iduit-load ./cmd/iduit-load
#   createdb -h 127.0.0.1 -U postgres iduit_perf
#   docs/perf/loopback-sweep.sh /tmp/iduit 3
#
# PGURL overrides the PostgreSQL database; the SQLite file is /tmp/iduit-sweep.db. Compare two builds
# with docs/perf/alternate.sh rather than with two sweeps an hour apart: the machines here are noisy.
set -euo pipefail
bin=${1:?usage: loopback-sweep.sh SERVER-BINARY [ROUNDS]}
rounds=${2:-3}
load=${LOAD:-/tmp/iduit-load}
pgurl=${PGURL:-postgres://postgres@127.0.0.1:5432/iduit_perf?sslmode=disable}
addr=127.0.0.1:18099

for _ in $(seq "$rounds"); do
	for url in "sqlite:/tmp/iduit-sweep.db" "$pgurl"; do
		DATABASE_URL=$url "$bin" migrate >/dev/null
		DATABASE_URL=$url IDUIT_ADDR=$addr IDUIT_LOG_LEVEL=warn "$bin" serve >/dev/null 2>&1 &
		pid=$!
		for _ in $(seq 50); do curl -sf "http://$addr/healthz" >/dev/null && break; sleep 0.1; done
		for scenario in healthz section-get section-save; do
			echo "${url%%:*} $("$load" -addr "$addr" -scenario "$scenario" -concurrency 16 -duration 10s 2>&1 | tail -1)"
		done
		kill "$pid"
		wait "$pid" 2>/dev/null || true
	done
done
