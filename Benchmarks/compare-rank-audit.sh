#!/usr/bin/env bash
# Issue 17's store-side ratios, each pair side by side (hyperfine, whole processes, medians), on
# the stores made by Benchmarks/make-stores.sh and the corpus they came from:
#   rank --format json          against numpy (Benchmarks/rank_reference.py) on the CSV sheets
#   every command on rank.sqlite, each expected under 1 s
#   audit verify of audit.sqlite against sha256sum of the store file, with verify's peak RSS
#   submissions import          against validate of the same bids
# Usage: Benchmarks/compare-rank-audit.sh [CORPUS] [RUNS]     default /tmp/tenderscore-corpus, 5
set -euo pipefail
cd "$(dirname "$0")/.."
C="${1:-/tmp/tenderscore-corpus}"
RUNS="${2:-5}"
BIN="${TENDERSCORE_BIN:-$(swift build -c release --scratch-path .build-release --show-bin-path)}"
TS="$BIN/tenderscore"
export TENDERSCORE_ACTOR="Benchmark Commissioner"
WORK=$(mktemp -d /tmp/tenderscore-compare.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
R="$C/rank.sqlite"
A="$C/audit.sqlite"

median() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]["median"])' "$@"; }

echo "== rank --format json against numpy"
hyperfine --warmup 1 --runs "$RUNS" --export-json "$WORK/rank.json" \
    -n "numpy rank_reference.py" "python3 Benchmarks/rank_reference.py $C" \
    -n "tenderscore rank --format json" "$TS rank --store $R --format json >/dev/null"

echo "== every command on the 2,000-bid store (goal: each under 1 s)"
# Each run of summaries writes its 4,000 files into a new folder; all are removed at the end.
# Removing a run's folder before the next made that run's file creation ten times slower here:
# this machine's ext4 has no journal, and ext4 then skips inodes freed in the last minute or
# five, reading the inode table for each (recently_deleted in the kernel's profile).
hyperfine --warmup 1 --runs 3 --export-json "$WORK/commands.json" \
    -n "rank --format table" "$TS rank --store $R --format table >/dev/null" \
    -n "rank --format csv" "$TS rank --store $R --format csv >/dev/null" \
    -n "rank --format json" "$TS rank --store $R --format json >/dev/null" \
    -n "agreement" "$TS agreement --store $R >/dev/null" \
    -n "agreement --format json" "$TS agreement --store $R --format json >/dev/null" \
    -n "moderate list" "$TS moderate list --store $R >/dev/null" \
    -n "summaries" "$TS summaries --store $R --output \$(mktemp -u -d $WORK/summaries.XXXXXX) >/dev/null"

# The decision report (every bid's answers read for the import warnings, the sensitivity report,
# the HTML of 2,000 bids) takes far longer than the others: timed once.
/usr/bin/time -f "rank --format html: %e s wall, %U s user, %S s system, peak RSS %M KiB" \
    "$TS" rank --store "$R" --format html >/dev/null

echo "== audit verify against sha256sum of the store file ($(stat -c %s "$A") bytes)"
hyperfine --runs 3 --export-json "$WORK/verify.json" \
    -n "sha256sum audit.sqlite" "sha256sum $A" \
    -n "tenderscore audit verify" "$TS audit verify --store $A >/dev/null"
/usr/bin/time -f "audit verify: %e s, peak RSS %M KiB" "$TS" audit verify --store "$A" >/dev/null

echo "== submissions import against validate, same $(ls "$C/bids" | wc -l) bids"
hyperfine --warmup 1 --runs 3 --export-json "$WORK/import.json" \
    --prepare "rm -f $WORK/s.sqlite*; $TS init --store $WORK/s.sqlite --tender TND-BENCH-001 --criteria $C/criteria.xml >/dev/null; $TS panel import --store $WORK/s.sqlite $C/panel.xml >/dev/null" \
    -n "tenderscore validate" "$TS validate $C/criteria.xml $C/panel.xml $C/bids >/dev/null" \
    -n "tenderscore submissions import" "$TS submissions import --store $WORK/s.sqlite $C/bids >/dev/null"

echo
echo "== ratios"
python3 - "$WORK" <<'EOF'
import json, sys
w = sys.argv[1]
def result(name, i): return json.load(open(f"{w}/{name}.json"))["results"][i]
def row(what, name, a, b, goal):
    # Wall medians, and CPU time (user + system, means), steadier on a shared machine.
    x, y = result(name, a), result(name, b)
    cx, cy = x["user"] + x["system"], y["user"] + y["system"]
    print(f"{what:<40} wall {x['median']:7.3f} s / {y['median']:7.3f} s = {x['median'] / y['median']:5.2f} x;"
          f"  CPU {cx:6.3f} s / {cy:6.3f} s = {cx / cy:5.2f} x   (goal {goal})")
row("rank --format json / numpy", "rank", 1, 0, "<= 1.0")
row("audit verify / sha256sum of the store", "verify", 1, 0, "<= 3")
row("submissions import / validate", "import", 1, 0, "<= 2")
for r in json.load(open(f"{w}/commands.json"))["results"]:
    print(f"{r['command']:<40} wall {r['median']:7.3f} s;  CPU {r['user'] + r['system']:6.3f} s   (goal < 1 s)")
EOF
