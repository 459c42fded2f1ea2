#!/bin/bash
# attachment-throughput.sh BINARY PORT DATABASE_URL — serve BINARY on DATABASE_URL (a fresh SQLite file
# path "sqlite:/tmp/x.db" or an empty PostgreSQL database), upload a 20 MB file three times (a different
# file each run, so every run writes its chunks) with curl -F, download each with curl, and print the
# MB/s of each transfer and the server's VmHWM/VmRSS before the first upload and after the last download.
# Run from the repository root:
#   go build -o /tmp/iduit ./cmd/iduit
#   docs/perf/attachment-throughput.sh /tmp/iduit 18190 sqlite:/tmp/perf.db
set -eu
BIN=$1; PORT=$2; DB=$3; RUNS=${RUNS:-3}; MB=${MB:-20}
BASE=http://127.0.0.1:$PORT/api/v1
DIR=$(mktemp -d)
DATABASE_URL=$DB $BIN migrate >/dev/null
DATABASE_URL=$DB IDUIT_ADDR=127.0.0.1:$PORT IDUIT_LOG_LEVEL=error $BIN serve >$DIR/log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf $DIR' EXIT
for i in $(seq 50); do curl -sf http://127.0.0.1:$PORT/healthz >/dev/null && break; sleep 0.2; done
json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
EMAIL=perf-$RANDOM@example.org
curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$EMAIL\",\"name\":\"Perf\",\"password\":\"correct horse\"}" $BASE/users >/dev/null
TOKEN=$(curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$EMAIL\",\"password\":\"correct horse\"}" $BASE/sessions | json token)
AUTH="Authorization: Bearer $TOKEN"
PROP=$(curl -sf -H "$AUTH" -H 'Content-Type: application/json' \
  -d '{"template":"gf-concept-note-pwid","title":"Perf","language":"en","country":"Kyrgyzstan"}' $BASE/proposals | json id)
mem() { grep -E 'VmHWM|VmRSS' /proc/$PID/status | tr -s ' \t' ' ' | tr '\n' ' '; }
echo "before: $(mem)"
for r in $(seq $RUNS); do
  # Text (CSV-like lines of base64) so that the type check accepts it; random, so no two runs share a blob.
  head -c $((MB * 3 / 4 * 1048576)) /dev/urandom | base64 -w 76 | head -c $((MB * 1048576)) >$DIR/f.csv
  up=$(curl -sf -o $DIR/up.json -w '%{time_total} %{size_upload}' -H "$AUTH" \
    -F kind=data -F "file=@$DIR/f.csv;type=text/csv" $BASE/proposals/$PROP/attachments)
  AID=$(json id <$DIR/up.json)
  down=$(curl -sf -o $DIR/down -w '%{time_total} %{size_download}' -H "$AUTH" $BASE/proposals/$PROP/attachments/$AID)
  cmp -s $DIR/f.csv $DIR/down || { echo "run $r: downloaded bytes differ"; exit 1; }
  echo "$up $down" | awk -v r=$r '{printf "run %d: upload %.1f MB/s (%.2f s), download %.1f MB/s (%.2f s)\n", r, $2/1048576/$1, $1, $4/1048576/$3, $3}'
done
echo "after:  $(mem)  (file: $((MB * 1024)) kB)"
