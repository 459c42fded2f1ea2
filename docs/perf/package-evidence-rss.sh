#!/bin/bash
# package-evidence-rss.sh BINARY PORT DATABASE_URL — serve BINARY on DATABASE_URL (a fresh SQLite file
# "sqlite:/tmp/x.db" or an empty PostgreSQL database), upload one 20 MB evidence file, then download the
# submission package RUNS times and print, for each download, the server's resident memory before it
# and its peak during it (VmHWM, reset before each download through /proc/PID/clear_refs), the growth,
# and the time; the file taken out of each package must be the uploaded one (cmp).
# Run from the repository root:
#   go build -o /tmp/iduit ./cmd/iduit
#   docs/perf/package-evidence-rss.sh /tmp/iduit 18195 sqlite:/tmp/pkg.db
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
kb() { awk -v k=$1: '$1 == k {print $2}' /proc/$PID/status; }
# Text (CSV-like lines of base64) so that the type check accepts it; random, so it does not compress.
head -c $((MB * 3 / 4 * 1048576)) /dev/urandom | base64 -w 76 | head -c $((MB * 1048576)) >$DIR/f.csv
curl -sf -o /dev/null -H "$AUTH" -F kind=data -F title=Data -F "file=@$DIR/f.csv;type=text/csv" $BASE/proposals/$PROP/attachments
echo "file: $((MB * 1024)) kB; after the upload: VmRSS $(kb VmRSS) kB, VmHWM $(kb VmHWM) kB"
for r in $(seq $RUNS); do
  before=$(kb VmRSS)
  echo 5 >/proc/$PID/clear_refs # the peak starts again from the current resident size
  t=$(curl -sf -o $DIR/p.zip -w '%{time_total}' -H "$AUTH" $BASE/proposals/$PROP/package.zip)
  peak=$(kb VmHWM)
  unzip -p $DIR/p.zip evidence/01-f.csv | cmp -s - $DIR/f.csv || { echo "run $r: the evidence file differs"; exit 1; }
  echo "download $r: VmRSS before $before kB, peak $peak kB, growth $((peak - before)) kB, $(stat -c %s $DIR/p.zip) bytes in ${t} s"
done
