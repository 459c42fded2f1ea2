#!/bin/bash
# signin-burst.sh BINARY PORT known|unknown — serve BINARY on a fresh SQLite file, fire 200 concurrent
# sign-ins (200 accounts made first, or 200 unknown e-mails) and print VmHWM/VmRSS from /proc before,
# right after, and 10 s after the burst. Run from the repository root:
#   go build -o /tmp/iduit ./cmd/iduit && go build -o /tmp/signinburst ./docs/perf/signinburst
#   docs/perf/signin-burst.sh /tmp/iduit 18182 unknown
set -u
BIN=$1; PORT=$2; MODE=$3; BURST=${BURST:-/tmp/signinburst}
DIR=$(mktemp -d)
DATABASE_URL=sqlite:$DIR/iduit.db IDUIT_ADDR=127.0.0.1:$PORT IDUIT_LOG_LEVEL=error $BIN serve >$DIR/log 2>&1 &
PID=$!
for i in $(seq 50); do curl -sf http://127.0.0.1:$PORT/healthz >/dev/null && break; sleep 0.2; done
mem() { grep -E 'VmHWM|VmRSS' /proc/$PID/status | tr -s ' \t' ' ' | tr '\n' ' '; echo; }
echo "start: $(mem)"
if [ "$MODE" = known ]; then $BURST -base http://127.0.0.1:$PORT -signup -n 200; echo "after 200 sign-ups (one at a time): $(mem)"; fi
FLAG=""; [ "$MODE" = unknown ] && FLAG=-unknown
$BURST -base http://127.0.0.1:$PORT -n 200 $FLAG
echo "after burst: $(mem)"
sleep 10
echo "10 s later: $(mem)"
kill $PID; wait $PID 2>/dev/null
rm -rf $DIR
