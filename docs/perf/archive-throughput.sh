#!/bin/bash
# archive-throughput.sh BINARY PORT DATABASE_URL — serve BINARY on DATABASE_URL (a fresh SQLite file path
# "sqlite:/tmp/x.db" or an empty PostgreSQL database); each run uploads a different 20 MB file to a new
# proposal, downloads its export archive (GET …/export.zip), deletes that proposal (so its bytes are gone
# and the import must write every chunk again), imports the archive (POST …/import, application/zip),
# downloads the imported file and compares it with the upload. Prints MB/s of export and import and the
# server's VmHWM/VmRSS before the first run and after the last.
#   go build -o /tmp/iduit ./cmd/iduit
#   docs/perf/archive-throughput.sh /tmp/iduit 18194 sqlite:/tmp/perf-archive.db
set -eu
BIN=$1; PORT=$2; DB=$3; RUNS=${RUNS:-3}; MB=${MB:-20}
BASE=http://127.0.0.1:$PORT/api/v1
DIR=$(mktemp -d)
DATABASE_URL=$DB $BIN migrate >/dev/null
DATABASE_URL=$DB IDUIT_ADDR=127.0.0.1:$PORT IDUIT_LOG_LEVEL=error $BIN serve >$DIR/log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf $DIR' EXIT
for i in $(seq 50); do curl -sf http://127.0.0.1:$PORT/healthz >/dev/null && break; sleep 0.2; done
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "d$1"; }
EMAIL=perf-$RANDOM@example.org
curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$EMAIL\",\"name\":\"Perf\",\"password\":\"correct horse\"}" $BASE/users >/dev/null
TOKEN=$(curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$EMAIL\",\"password\":\"correct horse\"}" $BASE/sessions | json "['token']")
AUTH="Authorization: Bearer $TOKEN"
mem() { grep -E 'VmHWM|VmRSS' /proc/$PID/status | tr -s ' \t' ' ' | tr '\n' ' '; }
echo "before: $(mem)"
for r in $(seq $RUNS); do
  PROP=$(curl -sf -H "$AUTH" -H 'Content-Type: application/json' \
    -d '{"template":"gf-concept-note-pwid","title":"Perf","language":"en","country":"Kyrgyzstan"}' $BASE/proposals | json "['id']")
  head -c $((MB * 3 / 4 * 1048576)) /dev/urandom | base64 -w 76 | head -c $((MB * 1048576)) >$DIR/f.csv
  curl -sf -o /dev/null -H "$AUTH" -F kind=data -F "file=@$DIR/f.csv;type=text/csv" $BASE/proposals/$PROP/attachments
  exp=$(curl -sf -o $DIR/a.zip -w '%{time_total} %{size_download}' -H "$AUTH" $BASE/proposals/$PROP/export.zip)
  curl -sf -o /dev/null -X DELETE -H "$AUTH" $BASE/proposals/$PROP
  imp=$(curl -sf -o $DIR/imp.json -w '%{time_total} %{size_upload}' -H "$AUTH" -H 'Content-Type: application/zip' \
    -H "Idempotency-Key: run-$r-$RANDOM" --data-binary @$DIR/a.zip $BASE/proposals/import)
  NEW=$(json "['proposal']['id']" <$DIR/imp.json)
  AID=$(curl -sf -H "$AUTH" $BASE/proposals/$NEW/attachments | json "['items'][0]['id']")
  curl -sf -o $DIR/down -H "$AUTH" $BASE/proposals/$NEW/attachments/$AID
  cmp -s $DIR/f.csv $DIR/down || { echo "run $r: the imported file differs"; exit 1; }
  curl -sf -o /dev/null -X DELETE -H "$AUTH" $BASE/proposals/$NEW
  echo "$exp $imp" | awk -v r=$r '{printf "run %d: export %.1f MB/s (%.2f s, %d bytes), import %.1f MB/s (%.2f s)\n", r, $2/1048576/$1, $1, $2, $4/1048576/$3, $3}'
done
echo "after:  $(mem)  (file: $((MB * 1024)) kB)"
