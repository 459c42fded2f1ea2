#!/bin/bash
# Alternates one benchmark between two commits, round by round, in the same minutes: on this VM the same
# binary runs up to 1.5x slower for minutes at a time, so only alternated rounds compare two builds.
#
#   bash docs/perf/bench-ab.sh BASE HEAD [package] [benchmark] [rounds] [benchtime]
#   bash docs/perf/bench-ab.sh 21c549a HEAD ./submission Package 8 10x
#   bash docs/perf/bench-ab.sh 21c549a HEAD ./annexes Workbook 5 20x
#
# Prints each round's CPU-ms per op (sample.MeasureCPU's metric) and bytes per op, then the median, min
# and max of each side.
set -euo pipefail
base=$1 head=$2 pkg=${3:-./submission} bench=${4:-Package} rounds=${5:-8} benchtime=${6:-10x}
dir=$(mktemp -d)
trap 'git worktree remove --force "$dir/base" >/dev/null 2>&1 || true; git worktree remove --force "$dir/head" >/dev/null 2>&1 || true; rm -rf "$dir"' EXIT
for side in base head; do
	git worktree add -q --detach "$dir/$side" "${!side}"
	(cd "$dir/$side" && go test -c -o "$dir/$side.test" "$pkg")
done
for _ in $(seq "$rounds"); do
	for side in base head; do
		"$dir/$side.test" -test.run XXX -test.bench "$bench" -test.benchmem -test.cpu 1 -test.benchtime "$benchtime" |
			awk -v side="$side" '/^Benchmark/ { for (i = 1; i < NF; i++) { if ($(i+1) == "cpu-ms/op") c = $i; if ($(i+1) == "B/op") m = $i } print side, c, m }'
	done
done | tee "$dir/rounds"
python3 - "$dir/rounds" <<'PY'
import statistics, sys, collections
cpu, mem = collections.defaultdict(list), collections.defaultdict(list)
for line in open(sys.argv[1]):
    side, c, m = line.split()
    cpu[side].append(float(c)); mem[side].append(int(m))
for side in ("base", "head"):
    print(f"{side}: median {statistics.median(cpu[side]):.1f} CPU-ms (min {min(cpu[side]):.1f}, max {max(cpu[side]):.1f}), "
          f"{statistics.median(mem[side]) / 1e6:.1f} MB per op")
PY
