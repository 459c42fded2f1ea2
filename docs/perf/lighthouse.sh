#!/usr/bin/env bash
# Lighthouse (mobile, throttled: its defaults) on the sign-in, proposal and section pages of a fresh
# server, in Russian. Usage: docs/perf/lighthouse.sh [PORT]. Needs Node.js, Debian's chromium, curl and
# jq; installs lighthouse 12.2.3 into a temporary folder from the npm registry.
set -euo pipefail
port=${1:-18080}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$work" && npm install --silent lighthouse@12.2.3 >/dev/null)
go build -o "$work/iduit" ./cmd/iduit
DATABASE_URL="sqlite:$work/lh.db" IDUIT_ADDR="127.0.0.1:$port" "$work/iduit" serve 2>"$work/serve.log" &
server=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
api="http://127.0.0.1:$port/api/v1"
curl -sf -H 'Content-Type: application/json' -d '{"email":"lh@example.org","name":"Lighthouse","password":"a long lighthouse passphrase"}' "$api/users" >/dev/null
token=$(curl -sf -H 'Content-Type: application/json' -d '{"email":"lh@example.org","password":"a long lighthouse passphrase"}' "$api/sessions" | jq -r .token)
id=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"title":"Снижение вреда в Оше","language":"ru","country":"Kyrgyzstan"}' "$api/proposals" | jq -r .id)
section=$(curl -sf -H "Authorization: Bearer $token" "$api/proposals/$id/progress" | jq -r '.sections[0].key')
headers=$(jq -cn --arg c "iduit_session=$token; iduit_lang=ru" '{Cookie: $c}')
for page in signin "proposals/$id" "proposals/$id/sections/$section"; do
  url="http://127.0.0.1:$port/$page"
  hdr=$headers
  [ "$page" = signin ] && hdr='{"Cookie":"iduit_lang=ru"}'
  "$work/node_modules/.bin/lighthouse" "$url" --quiet --output=json --output-path="$work/out.json" \
    --only-categories=performance,accessibility --extra-headers="$hdr" \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
    --chrome-path=/usr/bin/chromium >/dev/null 2>&1 || true
  jq -r --arg p "$page" '"\($p): performance \(.categories.performance.score*100|round), accessibility \(.categories.accessibility.score*100|round), weight \(.audits["total-byte-weight"].numericValue/1024|round) KB"' "$work/out.json"
done
