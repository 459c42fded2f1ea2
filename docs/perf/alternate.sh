#!/usr/bin/env bash
# Alternates two (or more) server builds run by run on one scenario, the way every comparison in
# docs/performance.md was made: a b a b a b, each run against a freshly started server.
#
#   docs/perf/alternate.sh postgres 3 section-save /tmp/iduit-old /tmp/iduit-new
#
# The first argument is sqlite or postgres (PGURL overrides the database); each build gets its own
# SQLite file.
set -euo pipefail
kind=${1:?usage: alternate.sh sqlite|postgres ROUNDS SCENARIO BINARY...}
rounds=${2:?}
scenario=${3:?}
shift 3
load=${LOAD:-/tmp/iduit-load}
pgurl=${PGURL:-postgres://postgres@127.0.0.1:5432/iduit_perf?sslmode=disable}
addr=127.0.0.1:18099

for _ in $(seq "$rounds"); do
	for bin in "$@"; do
		url=$pgurl
		[ "$kind" = sqlite ] && url="sqlite:/tmp/iduit-alternate-$(basename "$bin").db"
		DATABASE_URL=$url "$bin" migrate >/dev/null
		DATABASE_URL=$url IDUIT_ADDR=$addr IDUIT_LOG_LEVEL=warn "$bin" serve >/dev/null 2>&1 &
		pid=$!
		for _ in $(seq 50); do curl -sf "http://$addr/healthz" >/dev/null && break; sleep 0.1; done
		echo "$(basename "$bin") $("$load" -addr "$addr" -scenario "$scenario" -concurrency 16 -duration 10s 2>&1 | tail -1)"
		kill "$pid"
		wait "$pid" 2>/dev/null || true
	done
done
