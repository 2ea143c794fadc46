#!/usr/bin/env bash
# Goal 4 side by side in one run: TenderScoring alone (Benchmarks/RankBench, the tender built in
# memory) against the numpy reference computing the same totals from CSV files of that tender.
#   Benchmarks/compare-rank.sh [BIDS]        default 2000
# Builds TenderScoring in release into .build-perf and links the benchmark against it with
# swiftc, so that Package.swift (and every other build) is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
BIDS="${1:-2000}"
SCRATCH=.build-perf
swift build -c release --scratch-path "$SCRATCH" --target TenderScoring >/dev/null
OUT="$SCRATCH/release"
swiftc -O -swift-version 6 -warnings-as-errors -I "$OUT/Modules" Benchmarks/RankBench/main.swift \
    "$OUT"/TenderModel.build/*.o "$OUT"/TenderScoring.build/*.o -o "$SCRATCH/rank-bench"
CSV="$(mktemp -d /tmp/tenderscore-rank-XXXXXX)"
trap 'rm -rf "$CSV"' EXIT
"$SCRATCH/rank-bench" --bids "$BIDS" --repeat 1 --only rank --csv "$CSV" >/dev/null
echo "== TenderScoring (release, in memory, best of 5) =="
"$SCRATCH/rank-bench" --bids "$BIDS" --repeat 5
echo "== numpy from CSV (Benchmarks/rank_reference.py) =="
python3 Benchmarks/rank_reference.py "$CSV"
if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs 5 -N "python3 Benchmarks/rank_reference.py $CSV"
else
    for run in 1 2 3; do /usr/bin/time -f "numpy process: %e s" python3 Benchmarks/rank_reference.py "$CSV" >/dev/null; done
fi
