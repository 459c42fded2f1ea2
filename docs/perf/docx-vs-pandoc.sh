#!/usr/bin/env bash
# The Word writer beside pandoc on the same content, in pairs: each round runs BenchmarkDocx and then
# BenchmarkPandoc (pandoc -o x.docx on the reference note as Markdown) back to back at GOMAXPROCS=1, so
# the machine's load moves both figures of a round alike; the ratio is taken per round.
#   bash docs/perf/docx-vs-pandoc.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
bin=$(mktemp -d)/docx.test
trap 'rm -rf "$(dirname "$bin")"' EXIT
go test -c -o "$bin" ./docx
for i in $(seq 1 "$rounds"); do
  (cd docx && "$bin" -test.run XXX -test.bench 'Docx|Pandoc' -test.benchmem -test.cpu 1 -test.count 1) |
    awk -v round="$i" '/^BenchmarkDocx/ {d=$3} /^BenchmarkPandoc/ {p=$3}
      END {printf "round %d: docx %.2f ms, pandoc %.0f ms, ratio %.0fx\n", round, d/1e6, p/1e6, p/d}'
done
