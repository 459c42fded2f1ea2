#!/usr/bin/env bash
# The Excel annexes beside Python's openpyxl (write-only), in one run on one machine: the Go benchmarks of
# the workbook (2,000 budget lines + 200 framework rows) and of the whole package at GOMAXPROCS=1, then
# openpyxl writing the same rows, in-process and as a whole process under hyperfine.
set -euo pipefail
cd "$(dirname "$0")/../.."
uptime
go test ./annexes -run XXX -bench Workbook -benchmem -cpu 1 -count 5
go test ./submission -run XXX -bench Package -benchmem -cpu 1 -count 5
/usr/bin/python3 docs/perf/openpyxl_annexes.py 20
if command -v hyperfine >/dev/null; then
  hyperfine -w 2 -r 10 '/usr/bin/python3 docs/perf/openpyxl_annexes.py 1'
fi
uptime
